/*
 * bw_tcp [MiB [WARMUP_MiB]]: TCP bandwidth over loopback, with two threads of one process. A
 * writer thread (pthread_create) connects to 127.0.0.1 and writes WARMUP_MiB untimed (default
 * 1024), then MiB mebibytes (default 512) in 64 KiB writes; the main thread accepts and reads with a 64 KiB buffer, and
 * times the second part. Prints MB/s (1 MB = 10^6 bytes).
 * The Java twin is src/main/java/syskit/bench/BwTcp.java.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <pthread.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#define CHUNK (64 * 1024)

static struct sockaddr_in adr;
static long total, warmup;

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* The writer thread: connects, writes warmup + total bytes in CHUNK-byte writes, closes. */
static void *writer(void *arg)
{
    static char buf[CHUNK] __attribute__((aligned(4096)));   /* page-aligned, as the Java twin's */
    int sock = socket(PF_INET, SOCK_STREAM, 0);

    (void) arg;
    if (connect(sock, (struct sockaddr *) &adr, sizeof(adr)) == -1) {
        perror("connect");
        exit(1);
    }
    for (long sent = 0; sent < warmup + total; sent += CHUNK)
        if (write(sock, buf, CHUNK) != CHUNK) {
            perror("bw_tcp: write");
            exit(1);
        }
    close(sock);
    return NULL;
}

/* Reads until `want` bytes have arrived (or EOF), never more; returns how many did. */
static long drain(int fd, char *buf, long want)
{
    long got = 0;
    while (got < want) {
        ssize_t r = read(fd, buf, want - got < CHUNK ? want - got : CHUNK);
        if (r <= 0)
            break;
        got += r;
    }
    return got;
}

int main(int argc, char *argv[])
{
    long mib = argc > 1 ? atol(argv[1]) : 512;
    long warmup_mib = argc > 2 ? atol(argv[2]) : 1024;
    static char buf[CHUNK] __attribute__((aligned(4096)));
    socklen_t adr_sz = sizeof(adr);
    pthread_t t_id;
    int serv_sock, sock;

    if (mib <= 0 || warmup_mib < 0) {
        fprintf(stderr, "usage: %s [MiB [WARMUP_MiB]], MiB a positive number of mebibytes\n", argv[0]);
        return 2;
    }
    total = mib * 1024 * 1024;
    warmup = warmup_mib * 1024 * 1024;
    serv_sock = socket(PF_INET, SOCK_STREAM, 0);
    adr.sin_family = AF_INET;
    adr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    adr.sin_port = 0;                   /* any free port; getsockname says which */
    if (bind(serv_sock, (struct sockaddr *) &adr, sizeof(adr)) == -1 || listen(serv_sock, 1) == -1
            || getsockname(serv_sock, (struct sockaddr *) &adr, &adr_sz) == -1) {
        perror("bind/listen");
        return 1;
    }
    pthread_create(&t_id, NULL, writer, NULL);
    sock = accept(serv_sock, NULL, NULL);
    if (sock == -1) {
        perror("accept");
        return 1;
    }

    drain(sock, buf, warmup);
    double start = now_us();
    long got = drain(sock, buf, total);
    double elapsed = now_us() - start;

    pthread_join(t_id, NULL);
    close(sock);
    close(serv_sock);
    if (got < total) {
        fprintf(stderr, "bw_tcp: only %ld of %ld bytes arrived\n", got, total);
        return 1;
    }
    printf("bw_tcp: %.2f MB/s (%ld bytes in %d-byte writes)\n", got / elapsed, got, CHUNK);
    return 0;
}
