/* The kit's check of its hand-written FD_* macros (syskit.os.Select) against C's own.
 * Usage: fd_set_bytes fd...   a number adds it (FD_SET), -N removes N (FD_CLR).
 * Prints the fd_set's bytes in hex, then every fd for which FD_ISSET is true. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/select.h>

int main(int argc, char *argv[])
{
    fd_set set;
    int i, fd;
    unsigned char *p = (unsigned char *)&set;

    FD_ZERO(&set);
    for (i = 1; i < argc; i++) {
        fd = atoi(argv[i]);
        if (argv[i][0] == '-')
            FD_CLR(-fd, &set);
        else
            FD_SET(fd, &set);
    }
    printf("sizeof %zu\n", sizeof(set));
    for (i = 0; i < (int)sizeof(set); i++)
        printf("%02x", p[i]);
    printf("\nisset");
    for (fd = 0; fd < FD_SETSIZE; fd++)
        if (FD_ISSET(fd, &set))
            printf(" %d", fd);
    printf("\n");
    return 0;
}
