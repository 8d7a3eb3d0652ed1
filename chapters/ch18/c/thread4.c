/* ch18/thread4: threads add and subtract 1 on one global without a lock: updates are lost.
 * Usage: thread4 [count [threads]]   (the book's: 50000000 and 100) */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <pthread.h>
#include "syskit.h"

void *thread_inc(void *arg);
void *thread_des(void *arg);
static int NUM_THREAD = 100;
static int COUNT = 50000000;
/* volatile: one load and one store per step, as the book's unoptimised build has; gcc -O2 would
 * otherwise add 50000000 in one go and hide the race. volatile does not make += atomic. */
volatile long long num = 0;

int main(int argc, char *argv[])
{
    pthread_t *thread_id;
    int i;

    COUNT = get_count(argc, argv, 1, COUNT, 1, 2147483647, "count");
    NUM_THREAD = get_count(argc, argv, 2, NUM_THREAD, 1, 10000, "threads");
    thread_id = malloc(sizeof(pthread_t) * NUM_THREAD);

    printf("sizeof long long: %d \n", (int)sizeof(long long));
    for (i = 0; i < NUM_THREAD; i++) {
        if (i % 2)
            pthread_create(&(thread_id[i]), NULL, thread_inc, NULL);
        else
            pthread_create(&(thread_id[i]), NULL, thread_des, NULL);
    }

    for (i = 0; i < NUM_THREAD; i++)
        pthread_join(thread_id[i], NULL);

    printf("result: %lld \n", num);
    return 0;
}

void *thread_inc(void *arg)
{
    int i;
    for (i = 0; i < COUNT; i++)
        num += 1;
    return NULL;
}

void *thread_des(void *arg)
{
    int i;
    for (i = 0; i < COUNT; i++)
        num -= 1;
    return NULL;
}
