// ch10/echo_mpclient: an echo client split in two processes after connect(). The child reads
// lines from stdin and sends them; the parent prints what the server sends back. q or Q alone
// on a line half-closes the connection (shutdown SHUT_WR).
// Usage: echo_mpclient <IP> <port>
// Where the book's program goes wrong, this one does as the Java port: at the end of input
// fgets returns NULL and the child quits like q (the book's loop resends the last line
// forever); a failed read (-1) ends read_routine (the book would write buf[-1]).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unistd.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include "syskit.h"

#define BUF_SIZE 30
void error_handling(const char *message);
void read_routine(int sock, char *buf);
void write_routine(int sock, char *buf);

int main(int argc, char *argv[])
{
    int sock;
    pid_t pid;
    char buf[BUF_SIZE];
    struct sockaddr_in serv_adr;
    if (argc != 3) {
        printf("Usage : %s <IP> <port>\n", argv[0]);
        exit(1);
    }
    get_address(argv[1]);
    get_port(argv[2]);

    sock = socket(PF_INET, SOCK_STREAM, 0);
    memset(&serv_adr, 0, sizeof(serv_adr));
    serv_adr.sin_family = AF_INET;
    serv_adr.sin_addr.s_addr = inet_addr(argv[1]);
    serv_adr.sin_port = htons(atoi(argv[2]));

    if (connect(sock, (struct sockaddr *) &serv_adr, sizeof(serv_adr)) == -1)
        error_handling("connect() error");

    pid = fork();
    if (pid == 0)
        write_routine(sock, buf);
    else
        read_routine(sock, buf);

    close(sock);
    return 0;
}

void read_routine(int sock, char *buf)
{
    while (1) {
        int str_len = read(sock, buf, BUF_SIZE);
        if (str_len <= 0)
            return;

        fputs("Message from server: ", stdout);
        fwrite(buf, 1, str_len, stdout);   // the bytes as sent (the book's buf[str_len] = 0 and printf)
        fflush(stdout);
    }
}

void write_routine(int sock, char *buf)
{
    while (1) {
        if (fgets(buf, BUF_SIZE, stdin) == NULL || !strcmp(buf, "q\n") || !strcmp(buf, "Q\n")) {
            shutdown(sock, SHUT_WR);
            return;
        }
        write(sock, buf, strlen(buf));
    }
}

void error_handling(const char *message)
{
    perror(message);
    exit(1);
}
