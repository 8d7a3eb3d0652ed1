/*
 * lat_tcp [N]: TCP latency over loopback, lmbench style, with two threads of one process. The
 * main thread connects to 127.0.0.1 and sends one byte; an echo thread (pthread_create) accepts
 * the connection and sends each byte back. N round trips (default 50000) after 10000 untimed.
 * Both sockets have TCP_NODELAY. Prints microseconds per round trip.
 * The Java twins: src/main/java/syskit/bench/LatTcp.java (the kit), LatTcpNio.java (java.nio).
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <pthread.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#define WARMUP 10000

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static void nodelay(int sock)
{
    int on = 1;
    setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &on, sizeof(on));
}

/* The echo thread: accepts one connection, sends every byte back until EOF. */
static void *echo(void *arg)
{
    int serv_sock = *(int *) arg;
    int sock = accept(serv_sock, NULL, NULL);
    char c;

    if (sock == -1) {
        perror("accept");
        exit(1);
    }
    nodelay(sock);
    while (read(sock, &c, 1) == 1)
        if (write(sock, &c, 1) != 1)
            break;
    close(sock);
    return NULL;
}

/* One round trip: the byte goes out and comes back. */
static void round_trips(int sock, long n)
{
    char c = 'x';
    for (long i = 0; i < n; i++) {
        if (write(sock, &c, 1) != 1 || read(sock, &c, 1) != 1) {
            perror("lat_tcp: round trip");
            exit(1);
        }
    }
}

int main(int argc, char *argv[])
{
    long n = argc > 1 ? atol(argv[1]) : 50000;
    struct sockaddr_in adr = { 0 };
    socklen_t adr_sz = sizeof(adr);
    pthread_t t_id;
    int serv_sock, sock;

    if (n <= 0) {
        fprintf(stderr, "usage: %s [N], N a positive number of round trips\n", argv[0]);
        return 2;
    }
    serv_sock = socket(PF_INET, SOCK_STREAM, 0);
    adr.sin_family = AF_INET;
    adr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    adr.sin_port = 0;                   /* any free port; getsockname says which */
    if (bind(serv_sock, (struct sockaddr *) &adr, sizeof(adr)) == -1 || listen(serv_sock, 1) == -1
            || getsockname(serv_sock, (struct sockaddr *) &adr, &adr_sz) == -1) {
        perror("bind/listen");
        return 1;
    }
    pthread_create(&t_id, NULL, echo, &serv_sock);
    sock = socket(PF_INET, SOCK_STREAM, 0);
    if (connect(sock, (struct sockaddr *) &adr, sizeof(adr)) == -1) {
        perror("connect");
        return 1;
    }
    nodelay(sock);

    round_trips(sock, WARMUP);
    double start = now_us();
    round_trips(sock, n);
    double elapsed = now_us() - start;

    close(sock);                        /* the echo thread sees EOF and ends */
    pthread_join(t_id, NULL);
    close(serv_sock);
    printf("lat_tcp: %.2f us per round trip (%ld round trips)\n", elapsed / n, n);
    return 0;
}
