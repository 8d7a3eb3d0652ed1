/* ch16/dup: dup(1) and dup2(cfd1, 7) name standard output twice more; after close(1) the last write fails.
   The printf line is written at exit when stdout is a pipe or a file (full buffering): by then fd 1
   is closed, so it is lost. On a terminal (line buffering) it comes first. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    int cfd1, cfd2;
    char str1[] = "Hi~ \n";
    char str2[] = "It's nice day~ \n";

    cfd1 = dup(1);
    cfd2 = dup2(cfd1, 7);

    printf("fd1=%d , fd2=%d \n", cfd1, cfd2);
    write(cfd1, str1, sizeof(str1));
    write(cfd2, str2, sizeof(str2));

    close(cfd1);
    close(cfd2);
    write(1, str1, sizeof(str1));
    close(1);
    write(1, str2, sizeof(str2));
    return 0;
}
