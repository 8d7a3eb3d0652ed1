/* ch15/syscpy: copy news.txt to cpy.txt, 3 bytes per read()/write().
   Usage: syscpy [from to]   (the kit's C reference; the mode 0644 and the missing-file check are the kit's) */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#define BUF_SIZE 3

int main(int argc, char *argv[])
{
    int fd1, fd2;
    int len;
    char buf[BUF_SIZE];
    const char *from = argc == 3 ? argv[1] : "news.txt", *to = argc == 3 ? argv[2] : "cpy.txt";

    fd1 = open(from, O_RDONLY);
    if (fd1 == -1) {
        perror(from);
        return 1;
    }
    fd2 = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0644);

    while ((len = read(fd1, buf, sizeof(buf))) > 0)
        write(fd2, buf, len);

    close(fd1);
    close(fd2);
    return 0;
}
