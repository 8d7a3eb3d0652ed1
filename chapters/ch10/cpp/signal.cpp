// ch10/signal: SIGALRM every 2 s and SIGINT, each handler cutting a sleep(100) short.
#include <cstdio>
#include <unistd.h>
#include <signal.h>

void timeout(int sig)
{
    if (sig == SIGALRM)
        puts("Time out!");
    fflush(stdout);
    alarm(2);
}

void keycontrol(int sig)
{
    if (sig == SIGINT)
        puts("CTRL+C pressed");
    fflush(stdout);
}

int main(int argc, char *argv[])
{
    signal(SIGALRM, timeout);
    signal(SIGINT, keycontrol);
    alarm(2);

    for (int i = 0; i < 3; i++) {
        puts("wait...");
        fflush(stdout);
        sleep(100);
    }
    return 0;
}
