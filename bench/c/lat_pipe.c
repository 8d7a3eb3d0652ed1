/*
 * lat_pipe [N]: pipe latency, lmbench style. A "hot potato": the parent writes one byte into
 * one pipe, the child reads it and writes it back through a second pipe, N times (default
 * 100000) after 1000 untimed round trips. Prints microseconds per round trip.
 * The Java twin is src/main/java/syskit/bench/LatPipe.java.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>

#define WARMUP 1000

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* One round trip: the byte goes out through to_child and comes back through from_child. */
static void hot_potato(int to_child, int from_child, long n)
{
    char c = 'x';
    for (long i = 0; i < n; i++) {
        if (write(to_child, &c, 1) != 1 || read(from_child, &c, 1) != 1) {
            perror("lat_pipe: round trip");
            exit(1);
        }
    }
}

int main(int argc, char *argv[])
{
    long n = argc > 1 ? atol(argv[1]) : 100000;
    int fds1[2], fds2[2];   /* fds1: parent -> child, fds2: child -> parent */
    char c;
    pid_t pid;

    if (n <= 0) {
        fprintf(stderr, "usage: %s [N], N a positive number of round trips\n", argv[0]);
        return 2;
    }
    if (pipe(fds1) == -1 || pipe(fds2) == -1) {
        perror("pipe");
        return 1;
    }
    pid = fork();
    if (pid == -1) {
        perror("fork");
        return 1;
    }
    if (pid == 0) {
        close(fds1[1]);                 /* write end of its input is the parent's */
        close(fds2[0]);                 /* read end of its output is the parent's */
        while (read(fds1[0], &c, 1) == 1)
            if (write(fds2[1], &c, 1) != 1)
                _exit(1);
        _exit(0);                       /* EOF: the parent is done */
    }
    close(fds1[0]);
    close(fds2[1]);

    hot_potato(fds1[1], fds2[0], WARMUP);
    double start = now_us();
    hot_potato(fds1[1], fds2[0], n);
    double elapsed = now_us() - start;

    close(fds1[1]);                     /* child sees EOF and ends */
    waitpid(pid, NULL, 0);
    printf("lat_pipe: %.2f us per round trip (%ld round trips)\n", elapsed / n, n);
    return 0;
}
