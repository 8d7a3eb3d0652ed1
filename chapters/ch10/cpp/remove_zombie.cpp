// ch10/remove_zombie: a SIGCHLD handler reaps one child per signal with waitpid(WNOHANG).
// Usage: remove_zombie [sleep1 sleep2]   (the children's sleeps, 10 and 10 by default)
#include <cstdio>
#include <cstdlib>
#include <unistd.h>
#include <signal.h>
#include <sys/wait.h>
#include "syskit.h"

void read_childproc(int sig)
{
    int status;
    pid_t id = waitpid(-1, &status, WNOHANG);
    if (WIFEXITED(status)) {
        printf("Removed proc id: %d\n", id);
        printf("Child send: %d\n", WEXITSTATUS(status));
        fflush(stdout);
    }
}

int main(int argc, char *argv[])
{
    int sleep1 = get_seconds(argc, argv, 1, 10, "sleep1"), sleep2 = get_seconds(argc, argv, 2, 10, "sleep2");
    pid_t pid;
    struct sigaction act;
    act.sa_handler = read_childproc;
    sigemptyset(&act.sa_mask);
    act.sa_flags = 0;
    sigaction(SIGCHLD, &act, 0);

    pid = fork();
    if (pid == 0) {
        puts("Hi! I'm child process");
        fflush(stdout);
        sleep(sleep1);
        return 12;
    } else {
        printf("Child proc id: %d\n", pid);
        fflush(stdout);
        pid = fork();
        if (pid == 0) {
            puts("Hi! I'm child process");
            fflush(stdout);
            sleep(sleep2);
            exit(24);
        } else {
            printf("Child proc id: %d\n", pid);
            for (int i = 0; i < 5; i++) {
                puts("wait...");
                fflush(stdout);
                sleep(5);
            }
        }
    }
    return 0;
}
