/* ch15/stdcpy: the same copy through stdio (fopen, fgets, fputs) with a 3-byte buffer.
   Usage: stdcpy [from to]   (the kit's C reference; the missing-file check is the kit's) */
#include <stdio.h>
#define BUF_SIZE 3

int main(int argc, char *argv[])
{
    FILE *fp1;
    FILE *fp2;
    char buf[BUF_SIZE];
    const char *from = argc == 3 ? argv[1] : "news.txt", *to = argc == 3 ? argv[2] : "cpy.txt";

    fp1 = fopen(from, "r");
    if (fp1 == NULL) {
        perror(from);
        return 1;
    }
    fp2 = fopen(to, "w");

    while (fgets(buf, BUF_SIZE, fp1) != NULL)
        fputs(buf, fp2);
    fclose(fp1);
    fclose(fp2);
    return 0;
}
