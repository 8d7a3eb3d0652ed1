/* ch18/thread2: pthread_join hands main the message its thread malloc'd; main frees it.
 * Usage: thread2 [ms] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <pthread.h>
#include "syskit.h"

void *thread_main(void *arg);
static long second = 1000000;

static void sleep_units(int n)
{
    if (second == 1000000) sleep(n);
    else usleep(n * second);
}

int main(int argc, char *argv[])
{
    pthread_t t_id;
    int thread_param = 5;
    void *thr_ret;
    second = get_count(argc, argv, 1, 1000, 1, 1000000, "ms") * 1000L;

    if (pthread_create(&t_id, NULL, thread_main, (void *)&thread_param) != 0) {
        puts("pthread_create() error");
        return -1;
    }
    if (pthread_join(t_id, &thr_ret) != 0) {
        puts("pthread_join() error");
        return -1;
    }
    printf("Thread return message : %s \n", (char *)thr_ret);
    free(thr_ret);
    return 0;
}

void *thread_main(void *arg)
{
    int i;
    int cnt = *((int *)arg);
    char *msg = (char *)malloc(sizeof(char) * 50);
    strcpy(msg, "Hello,I'am thread~ \n");
    for (i = 0; i < cnt; i++) {
        sleep_units(1);
        puts("running thread");
    }
    return (void *)msg;
}
