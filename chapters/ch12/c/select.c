/* ch12/select: select() on stdin with a timeout: "Time-out!" or the line typed.
 * Usage: select [seconds]   (5 by default, as in the book; the tests pass 1)
 * The kit's C reference of the book's listing. Never ends; at end of input it spins. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/time.h>
#include <sys/select.h>
#include "syskit.h"
#define BUF_SIZE 30

int main(int argc, char *argv[])
{
    fd_set reads, temps;
    int result, str_len;
    char buf[BUF_SIZE];
    struct timeval timeout;
    int seconds = get_seconds(argc, argv, 1, 5, "timeout");   /* not in the book: the timeout for tests */

    FD_ZERO(&reads);
    FD_SET(0, &reads);

    while (1) {
        temps = reads;                /* select overwrites the set it gets */
        timeout.tv_sec = seconds;
        timeout.tv_usec = 0;
        fflush(stdout);               /* as the Java port: output seen before each wait */
        result = select(1, &temps, 0, 0, &timeout);
        if (result == -1) {
            puts("select error!");
            break;
        } else if (result == 0) {
            puts("Time-out!");
        } else {
            if (FD_ISSET(0, &temps)) {
                str_len = read(0, buf, BUF_SIZE);
                buf[str_len] = 0;     /* the book's off-by-one when 30 bytes come */
                printf("message from console: %s", buf);
            }
        }
    }
    return 0;
}
