/* ch03/inet_aton: "127.232.124.79" into a struct in_addr.
   Usage: inet_aton   (the kit's C reference of the book's listing) */
#include <stdio.h>
#include <stdlib.h>
#include <arpa/inet.h>

static void error_handling(const char *message)
{
    fputs(message, stderr);
    fputc('\n', stderr);
    exit(1);
}

int main(void)
{
    char *addr = "127.232.124.79";
    struct sockaddr_in addr_inet;

    if (!inet_aton(addr, &addr_inet.sin_addr))
        error_handling("Conversion error");
    else
        printf("Network ordered integer addr: %#x \n", addr_inet.sin_addr.s_addr);
    return 0;
}
