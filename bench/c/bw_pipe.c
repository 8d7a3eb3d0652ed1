/*
 * bw_pipe [MiB]: pipe bandwidth. The child writes 1 MiB untimed, then MiB mebibytes (default
 * 256) in 64 KiB chunks; the parent reads with a 64 KiB buffer and times the second part.
 * Prints MB/s (1 MB = 10^6 bytes). The Java twin is src/main/java/syskit/bench/BwPipe.java.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>

#define CHUNK (64 * 1024)
#define WARMUP (1024 * 1024)

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* Reads until `want` bytes have arrived (or EOF); returns how many did. */
static long drain(int fd, char *buf, long want)
{
    long got = 0;
    while (got < want) {
        ssize_t r = read(fd, buf, CHUNK);
        if (r <= 0)
            break;
        got += r;
    }
    return got;
}

int main(int argc, char *argv[])
{
    long mib = argc > 1 ? atol(argv[1]) : 256;
    long total = mib * 1024 * 1024;
    static char buf[CHUNK] __attribute__((aligned(4096)));   /* page-aligned, as the Java twin's */
    int fds[2];
    pid_t pid;

    if (mib <= 0) {
        fprintf(stderr, "usage: %s [MiB], MiB a positive number of mebibytes\n", argv[0]);
        return 2;
    }
    if (pipe(fds) == -1) {
        perror("pipe");
        return 1;
    }
    pid = fork();
    if (pid == -1) {
        perror("fork");
        return 1;
    }
    if (pid == 0) {
        close(fds[0]);                  /* read end is the parent's */
        for (long sent = 0; sent < WARMUP + total; sent += CHUNK)
            if (write(fds[1], buf, CHUNK) != CHUNK)
                _exit(1);
        close(fds[1]);
        _exit(0);
    }
    close(fds[1]);                      /* so the parent sees EOF if the child dies */

    drain(fds[0], buf, WARMUP);
    double start = now_us();
    long got = drain(fds[0], buf, total);
    double elapsed = now_us() - start;

    close(fds[0]);
    waitpid(pid, NULL, 0);
    if (got < total) {
        fprintf(stderr, "bw_pipe: only %ld of %ld bytes arrived\n", got, total);
        return 1;
    }
    printf("bw_pipe: %.2f MB/s (%ld bytes in %d-byte chunks)\n", got / elapsed, got, CHUNK);
    return 0;
}
