/* kit/sigpipe [ignore]: the C twin of syskit.kit.Sigpipe. Writes twice to a TCP connection whose
 * peer has closed: the second write kills the process with SIGPIPE, unless 'ignore' set SIG_IGN,
 * when write fails with EPIPE. */
#include <arpa/inet.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
    struct sockaddr_in serv_adr;
    socklen_t len = sizeof(serv_adr);
    char msg[] = "hello";
    int serv_sock, sock, i;

    if (argc > 1 && strcmp(argv[1], "ignore") == 0)
        signal(SIGPIPE, SIG_IGN);
    serv_sock = socket(PF_INET, SOCK_STREAM, 0);
    memset(&serv_adr, 0, sizeof(serv_adr));
    serv_adr.sin_family = AF_INET;
    serv_adr.sin_addr.s_addr = inet_addr("127.0.0.1");
    if (bind(serv_sock, (struct sockaddr *) &serv_adr, sizeof(serv_adr)) == -1 || listen(serv_sock, 1) == -1) {
        perror("bind/listen");
        return 1;
    }
    getsockname(serv_sock, (struct sockaddr *) &serv_adr, &len);
    sock = socket(PF_INET, SOCK_STREAM, 0);
    connect(sock, (struct sockaddr *) &serv_adr, sizeof(serv_adr));
    close(accept(serv_sock, NULL, NULL));   /* the peer closes at once */

    for (i = 1; i <= 2; i++) {
        printf("write %d\n", i);
        fflush(stdout);
        if (write(sock, msg, sizeof(msg)) == -1) {
            perror("write");
            return 1;
        }
        usleep(100000);   /* the peer's RST comes back before the second write */
    }
    printf("still alive\n");
    return 0;
}
