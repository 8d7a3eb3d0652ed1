/*
 * downcall [N]: what one call costs in C, the twin of src/main/java/syskit/bench/Downcall.java.
 * Times N calls (default 200000) of getpid, then N one-byte write+read pairs on a pipe.
 * Prints nanoseconds per call.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static volatile long sink;             /* keeps results alive */

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static void report(const char *unit, double start, long n)
{
    printf("downcall: %.2f ns per %s\n", (now_ns() - start) / n, unit);
}

int main(int argc, char *argv[])
{
    long n = argc > 1 ? atol(argv[1]) : 200000;
    int fds[2];
    char c = 'x';
    double t;

    if (n <= 0) {
        fprintf(stderr, "usage: %s [N], N a positive number of calls\n", argv[0]);
        return 2;
    }
    if (pipe(fds) == -1) {
        perror("pipe");
        return 1;
    }
    t = now_ns();
    for (long i = 0; i < n; i++)
        sink += getpid();
    report("call (getpid)", t, n);
    t = now_ns();
    for (long i = 0; i < n; i++)
        sink += write(fds[1], &c, 1) + read(fds[0], &c, 1);
    report("write+read pair", t, n);
    return 0;
}
