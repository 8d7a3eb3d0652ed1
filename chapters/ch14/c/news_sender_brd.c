/* ch14/news_sender_brd: sends news.txt to a broadcast address, a chunk per datagram.
 * Usage: news_sender_brd <IP> <PORT> [seconds]   (the pause between chunks, 2 s by default as in the book)
 * The kit's C reference of the book's listing, with its flaw: the last chunk is sent twice. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <sys/socket.h>

#define TTL 64
#define BUF_SIZE 30
void error_handling(char *message);

int main(int argc, char *argv[])
{
    int send_sock;
    struct sockaddr_in broad_adr;
    FILE *fp;
    char buf[BUF_SIZE];
    int seconds = argc > 3 ? atoi(argv[3]) : 2;   /* not in the book: the tests pass 0 */
    int so_brd = 1;
    if (argc != 3 && argc != 4) {
        printf("Usage : %s <GroupIP> <PORT>\n", argv[0]);
        exit(1);
    }
    send_sock = socket(PF_INET, SOCK_DGRAM, 0);
    memset(&broad_adr, 0, sizeof(broad_adr));
    broad_adr.sin_family = AF_INET;
    broad_adr.sin_addr.s_addr = inet_addr(argv[1]);      /* a broadcast address */
    broad_adr.sin_port = htons(atoi(argv[2]));
    setsockopt(send_sock, SOL_SOCKET, SO_BROADCAST, (void *)&so_brd, sizeof(so_brd));
    if ((fp = fopen("news.txt", "r")) == NULL)
        error_handling("fopen() error");

    while (!feof(fp)) {        /* true only once a read has hit the end: one round too many */
        fgets(buf, BUF_SIZE, fp);
        sendto(send_sock, buf, strlen(buf), 0, (struct sockaddr *)&broad_adr, sizeof(broad_adr));
        sleep(seconds);
    }
    fclose(fp);
    close(send_sock);
    return 0;
}

void error_handling(char *message)
{
    perror(message);   /* the kit adds the reason: README.md, Errors */
    exit(1);
}
