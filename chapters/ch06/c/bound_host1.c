/* ch06/bound_host1: three recvfrom calls, each after a sleep; each returns one whole datagram.
 * The kit's C reference of the book's listing. Usage: bound_host1 <port> [seconds] (5) */
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
    int sock;
    char message[BUF_SIZE];
    struct sockaddr_in my_adr, your_adr;
    socklen_t adr_sz;
    int str_len, i;
    int seconds = 5;

    if (argc != 2 && argc != 3) {
        printf("Usage : %s <port> [seconds]\n", argv[0]);
        exit(1);
    }
    get_port(argv[1]);
    seconds = get_seconds(argc, argv, 2, seconds, "seconds");

    sock = socket(PF_INET, SOCK_DGRAM, 0);
    if (sock == -1)
        error_handling("socket() error");

    memset(&my_adr, 0, sizeof(my_adr));
    my_adr.sin_family = AF_INET;
    my_adr.sin_addr.s_addr = htonl(INADDR_ANY);
    my_adr.sin_port = htons(atoi(argv[1]));

    if (bind(sock, (struct sockaddr *) &my_adr, sizeof(my_adr)) == -1)
        error_handling("bind() error");

    for (i = 0; i < 3; i++) {
        sleep(seconds);
        adr_sz = sizeof(your_adr);
        str_len = recvfrom(sock, message, BUF_SIZE, 0, (struct sockaddr *) &your_adr, &adr_sz);
        (void) str_len;
        printf("Message %d: %s \n", i + 1, message);
        fflush(stdout);
    }
    close(sock);
    return 0;
}

void error_handling(char *message)
{
    perror(message);
    exit(1);
}
