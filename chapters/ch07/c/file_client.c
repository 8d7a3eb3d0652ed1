/* ch07/file_client: receives until the server's half-close into receive.dat, then sends
 * "Thank you". The kit's C reference of the book's listing. Usage: file_client <IP> <port> */
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
    int sd;
    FILE *fp;
    char buf[BUF_SIZE];
    int read_cnt;
    struct sockaddr_in serv_adr;

    if (argc != 3) {
        printf("Usage : %s <IP> <port>\n", argv[0]);
        exit(1);
    }
    get_address(argv[1]);
    get_port(argv[2]);

    fp = fopen("receive.dat", "wb");
    if (fp == NULL)
        error_handling("fopen() error: receive.dat");
    sd = socket(PF_INET, SOCK_STREAM, 0);

    memset(&serv_adr, 0, sizeof(serv_adr));
    serv_adr.sin_family = AF_INET;
    serv_adr.sin_addr.s_addr = inet_addr(argv[1]);
    serv_adr.sin_port = htons(atoi(argv[2]));

    if (connect(sd, (struct sockaddr *) &serv_adr, sizeof(serv_adr)) == -1)
        error_handling("connect() error");

    while ((read_cnt = read(sd, buf, BUF_SIZE)) > 0)
        fwrite((void *) buf, 1, read_cnt, fp);
    if (read_cnt == -1)   /* the kit's: a reset is no end of file, and the file is not whole */
        error_handling("read() error");

    puts("Received file data");
    write(sd, "Thank you", 10);
    fclose(fp);
    close(sd);
    return 0;
}

void error_handling(char *message)
{
    perror(message);
    exit(1);
}
