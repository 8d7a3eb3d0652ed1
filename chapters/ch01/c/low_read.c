/* ch01/low_read: reads data.txt back with one read() and prints it.
   Usage: low_read   (the kit's C reference of the book's listing) */
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <unistd.h>
#define BUF_SIZE 100

static void error_handling(const char *message)
{
    perror(message);   /* the kit adds the reason: README.md, Errors */
    exit(1);
}

int main(void)
{
    int fd;
    char buf[BUF_SIZE];

    fd = open("data.txt", O_RDONLY);
    if (fd == -1)
        error_handling("open() error!");
    printf("file descriptor: %d \n", fd);

    if (read(fd, buf, sizeof(buf)) == -1)
        error_handling("read() error!");
    printf("file data: %s", buf);
    close(fd);
    return 0;
}
