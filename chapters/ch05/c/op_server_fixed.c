/* ch05/op_server_fixed: op_server that closes a client leaving before its request is complete
   (read() returns 0 or -1) and goes on to the next one, instead of spinning.
   Usage: op_server_fixed <port>   (the kit's C reference of its Java port) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <sys/socket.h>

#define BUF_SIZE 1024
#define OPSZ 4

static void error_handling(const char *message)
{
    perror(message);   /* the kit adds the reason: README.md, Errors */
    exit(1);
}

static void left_early(int clnt_sock, int i)
{
    printf("client %d left before its request was complete\n", i + 1);
    fflush(stdout);
    close(clnt_sock);
}

static int calculate(int opnum, int opnds[], char op)
{
    int result = opnds[0], i;
    switch (op) {
    case '+':
        for (i = 1; i < opnum; i++) result += opnds[i];
        break;
    case '-':
        for (i = 1; i < opnum; i++) result -= opnds[i];
        break;
    case '*':
        for (i = 1; i < opnum; i++) result *= opnds[i];
        break;
    }
    return result;
}

int main(int argc, char *argv[])
{
    int serv_sock, clnt_sock;
    char opinfo[BUF_SIZE];
    int result, opnd_cnt, i;
    int recv_cnt, recv_len;
    struct sockaddr_in serv_adr, clnt_adr;
    socklen_t clnt_adr_sz;

    if (argc != 2) {
        printf("Usage : %s <port>\n", argv[0]);
        exit(1);
    }
    serv_sock = socket(PF_INET, SOCK_STREAM, 0);
    if (serv_sock == -1)
        error_handling("socket() error");

    memset(&serv_adr, 0, sizeof(serv_adr));
    serv_adr.sin_family = AF_INET;
    serv_adr.sin_addr.s_addr = htonl(INADDR_ANY);
    serv_adr.sin_port = htons(atoi(argv[1]));

    if (bind(serv_sock, (struct sockaddr *)&serv_adr, sizeof(serv_adr)) == -1)
        error_handling("bind() error");
    if (listen(serv_sock, 5) == -1)
        error_handling("listen() error");
    clnt_adr_sz = sizeof(clnt_adr);

    for (i = 0; i < 5; i++) {
        opnd_cnt = 0;
        clnt_sock = accept(serv_sock, (struct sockaddr *)&clnt_adr, &clnt_adr_sz);
        if (read(clnt_sock, &opnd_cnt, 1) != 1) {
            left_early(clnt_sock, i);
            continue;
        }

        recv_len = 0;
        while ((opnd_cnt * OPSZ + 1) > recv_len) {
            recv_cnt = read(clnt_sock, &opinfo[recv_len], BUF_SIZE - 1 - recv_len);
            if (recv_cnt <= 0)
                break;
            recv_len += recv_cnt;
        }
        if ((opnd_cnt * OPSZ + 1) > recv_len) {
            left_early(clnt_sock, i);
            continue;
        }
        result = calculate(opnd_cnt, (int *)opinfo, opinfo[recv_len - 1]);
        write(clnt_sock, (char *)&result, sizeof(result));
        close(clnt_sock);
    }
    close(serv_sock);
    return 0;
}
