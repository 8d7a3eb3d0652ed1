/*
 * fork [N]: the cost of a process. N times (default 1000), after 10 untimed: fork a child that
 * calls _exit(0) at once, and reap it with waitpid. Prints microseconds per fork+exit+wait.
 * The Java twin is src/main/java/syskit/bench/ForkBench.java.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>

#define WARMUP 10

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* n times: fork, the child _exits, the parent reaps it. Returns 0, or 1 after a message. */
static int forks(long n)
{
    int status;

    for (long i = 0; i < n; i++) {
        pid_t pid = fork();
        if (pid == -1) {
            perror("fork");
            return 1;
        }
        if (pid == 0)
            _exit(0);
        if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            fprintf(stderr, "fork: child %d did not exit with 0\n", (int) pid);
            return 1;
        }
    }
    return 0;
}

int main(int argc, char *argv[])
{
    long n = argc > 1 ? atol(argv[1]) : 1000;

    if (n <= 0) {
        fprintf(stderr, "usage: %s [N], N a positive number of forks\n", argv[0]);
        return 2;
    }
    if (forks(WARMUP) != 0)
        return 1;
    double start = now_us();
    if (forks(n) != 0)
        return 1;
    double elapsed = now_us() - start;
    printf("fork: %.2f us per fork+exit+wait (%ld forks)\n", elapsed / n, n);
    return 0;
}
