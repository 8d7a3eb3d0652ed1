/* ch18/thread1: a thread prints "running thread" 5 times, one second apart; main sleeps 10 s,
 * and the process ends when main returns.
 * Usage: thread1 [ms]   (ms: the length of the listing's "second", as the Java port takes it) */
#include <stdio.h>
#include <stdlib.h>
#include <pthread.h>
#include <unistd.h>
#include "syskit.h"

void *thread_main(void *arg);
static long second = 1000000; /* microseconds */

static void sleep_units(int n)
{
    if (second == 1000000) sleep(n);
    else usleep(n * second);
}

int main(int argc, char *argv[])
{
    pthread_t t_id;
    int thread_param = 5;
    second = get_count(argc, argv, 1, 1000, 1, 1000000, "ms") * 1000L;

    if (pthread_create(&t_id, NULL, thread_main, (void *)&thread_param) != 0) {
        puts("pthread_create() error");
        return -1;
    }
    sleep_units(10);
    puts("end of main");
    return 0;
}

void *thread_main(void *arg)
{
    int i;
    int cnt = *((int *)arg);
    for (i = 0; i < cnt; i++) {
        sleep_units(1);
        puts("running thread");
    }
    return NULL;
}
