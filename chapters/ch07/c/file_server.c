/* ch07/file_server: sends a file in 30-byte pieces, shutdown(SHUT_WR), then prints the
 * client's answer: half-close. The kit's C reference of the book's listing.
 * Usage: file_server <port> [file] (this file, chapters/ch07/c/file_server.c, by default)
 * Unlike the book, the file can be named and fopen is checked (the book crashes without it). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include "syskit.h"

#define BUF_SIZE 30
void error_handling(char *message);

int main(int argc, char *argv[])
{
    int serv_sd, clnt_sd;
    FILE *fp;
    char buf[BUF_SIZE];
    int read_cnt;
    struct sockaddr_in serv_adr, clnt_adr;
    socklen_t clnt_adr_sz;
    const char *file = argc == 3 ? argv[2] : "chapters/ch07/c/file_server.c";
    char what[300];

    if (argc != 2 && argc != 3) {
        printf("Usage : %s <port> [file]\n", argv[0]);
        exit(1);
    }
    get_port(argv[1]);
    fp = fopen(file, "rb");
    if (fp == NULL) {
        snprintf(what, sizeof(what), "fopen() error: %s", file);
        error_handling(what);
    }
    serv_sd = socket(PF_INET, SOCK_STREAM, 0);

    memset(&serv_adr, 0, sizeof(serv_adr));
    serv_adr.sin_family = AF_INET;
    serv_adr.sin_addr.s_addr = htonl(INADDR_ANY);
    serv_adr.sin_port = htons(atoi(argv[1]));

    if (bind(serv_sd, (struct sockaddr *) &serv_adr, sizeof(serv_adr)) == -1)
        error_handling("bind() error");
    listen(serv_sd, 5);

    clnt_adr_sz = sizeof(clnt_adr);
    clnt_sd = accept(serv_sd, (struct sockaddr *) &clnt_adr, &clnt_adr_sz);

    while (1) {
        read_cnt = fread((void *) buf, 1, BUF_SIZE, fp);
        if (read_cnt < BUF_SIZE) {
            write(clnt_sd, buf, read_cnt);
            break;
        }
        write(clnt_sd, buf, BUF_SIZE);
    }

    shutdown(clnt_sd, SHUT_WR);
    read(clnt_sd, buf, BUF_SIZE);
    printf("Message from client: %s \n", buf);

    fclose(fp);
    close(clnt_sd);
    close(serv_sd);
    return 0;
}

void error_handling(char *message)
{
    perror(message);
    exit(1);
}
