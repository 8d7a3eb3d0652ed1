/* ch18/mutex: thread4 under a mutex: result: 0. thread_inc locks around its loop, thread_des around every step, as in the book.
 * Usage: mutex [count [threads]]   (the book's: 50000000 and 100) */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <pthread.h>
#include "syskit.h"

void *thread_inc(void *arg);
void *thread_des(void *arg);
static int NUM_THREAD = 100;
static int COUNT = 50000000;
long long num = 0;
pthread_mutex_t mutex;

int main(int argc, char *argv[])
{
    pthread_t *thread_id;
    int i;

    COUNT = get_count(argc, argv, 1, COUNT, 1, 2147483647, "count");
    NUM_THREAD = get_count(argc, argv, 2, NUM_THREAD, 1, 10000, "threads");
    thread_id = malloc(sizeof(pthread_t) * NUM_THREAD);

    pthread_mutex_init(&mutex, NULL);

    for (i = 0; i < NUM_THREAD; i++) {
        if (i % 2)
            pthread_create(&(thread_id[i]), NULL, thread_inc, NULL);
        else
            pthread_create(&(thread_id[i]), NULL, thread_des, NULL);
    }

    for (i = 0; i < NUM_THREAD; i++)
        pthread_join(thread_id[i], NULL);

    printf("result: %lld \n", num);
    pthread_mutex_destroy(&mutex);
    return 0;
}

void *thread_inc(void *arg)
{
    int i;
    pthread_mutex_lock(&mutex);
    for (i = 0; i < COUNT; i++)
        num += 1;
    pthread_mutex_unlock(&mutex);
    return NULL;
}

void *thread_des(void *arg)
{
    int i;
    for (i = 0; i < COUNT; i++) {
        pthread_mutex_lock(&mutex);
        num -= 1;
        pthread_mutex_unlock(&mutex);
    }
    return NULL;
}
