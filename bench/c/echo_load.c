/* bench/c/echo_load.c: a fresh echo server's first lines, as a learner's first clients see them.
 * usage: echo_load <port> <clients> <lines per client>
 * Connects the clients one at a time, each sending its first line and awaiting the echo before
 * the next connects (so the server's backlog of 5 never overflows: a dropped SYN would cost a
 * second), then drives all of them at once, one line in flight per client, until every line has
 * come back. Prints "echo_load: <ms> ms (<lines> lines)" from the first connect to the last echo.
 * TCP_QUICKACK on every read: without it each small echo waits on the peer's delayed ACK
 * (Nagle), and the figure measures the kernel's timers, for C and Java alike. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define LINE_LEN 40

static void die(const char *what) { perror(what); exit(1); }

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static void send_line(int fd, int client, int line) {
    char buf[LINE_LEN + 1];
    snprintf(buf, sizeof buf, "client %02d line %03d %-19s\n", client % 100, line % 1000, "of the first round");
    if (write(fd, buf, LINE_LEN) != LINE_LEN) die("write");
}

/* Reads what has arrived; returns the bytes read, 0 at end of file. */
static int take(int fd) {
    char buf[4096];
    int one = 1;
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0) die("read");
    setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
    return (int) n;
}

int main(int argc, char *argv[]) {
    if (argc != 4) { fprintf(stderr, "usage: %s <port> <clients> <lines per client>\n", argv[0]); return 2; }
    int port = atoi(argv[1]), clients = atoi(argv[2]), lines = atoi(argv[3]);
    if (port < 1 || port > 65535 || clients < 1 || lines < 1) { fprintf(stderr, "echo_load: bad arguments\n"); return 2; }
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(port)};
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    struct pollfd *fds = calloc(clients, sizeof *fds);
    int *sent = calloc(clients, sizeof *sent), *got = calloc(clients, sizeof *got);
    int one = 1;

    double t0 = now_ms();
    for (int i = 0; i < clients; i++) {
        int fd = socket(PF_INET, SOCK_STREAM, 0);
        if (fd < 0) die("socket");
        if (connect(fd, (struct sockaddr *) &addr, sizeof addr) < 0) die("connect");
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        send_line(fd, i, 0);
        sent[i] = 1;
        while (got[i] < LINE_LEN) {
            int n = take(fd);
            if (n == 0) { fprintf(stderr, "echo_load: server closed client %d\n", i); return 1; }
            got[i] += n;
        }
        fds[i].fd = fd;
        fds[i].events = POLLIN;
    }
    int done = 0;
    for (int i = 0; i < clients; i++) {
        if (sent[i] < lines) send_line(fds[i].fd, i, sent[i]++);
        else done++;
    }
    while (done < clients) {
        if (poll(fds, clients, 30000) <= 0) { fprintf(stderr, "echo_load: no echo for 30 s\n"); return 1; }
        for (int i = 0; i < clients; i++) {
            if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            int n = take(fds[i].fd);
            if (n == 0) { fprintf(stderr, "echo_load: server closed client %d\n", i); return 1; }
            got[i] += n;
            if (got[i] < sent[i] * LINE_LEN) continue;
            if (sent[i] < lines) send_line(fds[i].fd, i, sent[i]++);
            else { done++; fds[i].fd = -fds[i].fd - 1; }   /* negative: poll skips it */
        }
    }
    double t1 = now_ms();
    printf("echo_load: %.2f ms (%d lines)\n", t1 - t0, clients * lines);
    return 0;
}
