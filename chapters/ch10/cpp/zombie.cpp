// ch10/zombie: the child ends, the parent sleeps without wait(): a zombie until the parent ends.
// Usage: zombie [seconds]   (the parent's sleep, 30 by default)
#include <cstdio>
#include <cstdlib>
#include <unistd.h>
#include "syskit.h"

int main(int argc, char *argv[])
{
    int seconds = get_seconds(argc, argv, 1, 30, "seconds");
    pid_t pid = fork();

    if (pid == 0)
        puts("Hi I'm a child process");
    else {
        printf("Child Process ID: %d\n", pid);
        fflush(stdout);
        sleep(seconds);
    }

    if (pid == 0)
        puts("End child process");
    else
        puts("End parent process");
    return 0;
}
