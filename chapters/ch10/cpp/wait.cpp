// ch10/wait: two children end with 3 (return) and 7 (exit); the parent collects both with wait().
// Usage: wait [seconds]   (the parent's sleep at the end, 30 by default)
#include <cstdio>
#include <cstdlib>
#include <unistd.h>
#include <sys/wait.h>
#include "syskit.h"

int main(int argc, char *argv[])
{
    int seconds = get_seconds(argc, argv, 1, 30, "seconds");
    int status;
    pid_t pid = fork();

    if (pid == 0) {
        return 3;
    } else {
        printf("Child PID: %d\n", pid);
        fflush(stdout);
        pid = fork();
        if (pid == 0) {
            exit(7);
        } else {
            printf("Child PID: %d\n", pid);
            wait(&status);
            if (WIFEXITED(status))
                printf("Child send one: %d\n", WEXITSTATUS(status));

            wait(&status);
            if (WIFEXITED(status))
                printf("Child send two: %d\n", WEXITSTATUS(status));
            fflush(stdout);
            sleep(seconds);
        }
    }
    return 0;
}
