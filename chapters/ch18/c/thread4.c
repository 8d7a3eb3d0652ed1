/* ch18/thread4: threads add and subtract 1 on one global without a lock: updates are lost.
 * Usage: thread4 [count [threads]]   (the book's: 50000000 and 100) */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <pthread.h>

void *thread_inc(void *arg);
void *thread_des(void *arg);
static int NUM_THREAD = 100;
static int COUNT = 50000000;
/* volatile: one load and one store per step, as the book's unoptimised build has; gcc -O2 would
 * otherwise add 50000000 in one go and hide the race. volatile does not make += atomic. */
volatile long long num = 0;

static int number(char *argv[], int i, int dflt)
{
    if (argv[i] == NULL) return dflt;
    if (atoi(argv[i]) <= 0) { printf("Usage : %s [count [threads]]\n", argv[0]); exit(1); }
    return atoi(argv[i]);
}

int main(int argc, char *argv[])
{
    pthread_t *thread_id;
    int i;

    COUNT = number(argv, 1, COUNT);
    if (argc > 1) NUM_THREAD = number(argv, 2, NUM_THREAD);
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
