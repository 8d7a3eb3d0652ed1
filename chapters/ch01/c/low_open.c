/* ch01/low_open: creates data.txt, prints its descriptor, writes "Let's go!\n" and its NUL.
   Usage: low_open   (the kit's C reference of the book's listing)
   The book's open() has O_CREAT and no mode: the file gets whatever the mode register holds.
   Today's glibc refuses to compile that when _FORTIFY_SOURCE is on (Debian and Ubuntu turn it
   on with -O2), so this reference turns it off to stay the book's call. */
#undef _FORTIFY_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <unistd.h>

static void error_handling(const char *message)
{
    perror(message);   /* the kit adds the reason: README.md, Errors */
    exit(1);
}

int main(void)
{
    int fd;
    char buf[] = "Let's go!\n";

    fd = open("data.txt", O_CREAT | O_WRONLY | O_TRUNC);
    if (fd == -1)
        error_handling("open() error!");
    printf("file descriptor: %d \n", fd);

    if (write(fd, buf, sizeof(buf)) == -1)
        error_handling("write() error!");
    close(fd);
    return 0;
}
