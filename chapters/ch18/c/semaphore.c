/* ch18/semaphore: two threads take strict turns through two semaphores: 5 numbers read,
 * Result: sum. The thread function is named read, as in the book: with no <unistd.h> included
 * this compiles, and the program's own read replaces libc's read(2) for every caller that goes
 * through the dynamic linker (see chapters/ch18/README.md). */
#include <stdio.h>
#include <pthread.h>
#include <semaphore.h>

void *read(void *arg);
void *accu(void *arg);
static sem_t sem_one;
static sem_t sem_two;
static int num;

int main(int argc, char *argv[])
{
    pthread_t id_t1, id_t2;
    sem_init(&sem_one, 0, 0);
    sem_init(&sem_two, 0, 1);

    pthread_create(&id_t1, NULL, read, NULL);
    pthread_create(&id_t2, NULL, accu, NULL);

    pthread_join(id_t1, NULL);
    pthread_join(id_t2, NULL);

    sem_destroy(&sem_one);
    sem_destroy(&sem_two);
    return 0;
}

void *read(void *arg)
{
    int i;
    for (i = 0; i < 5; i++) {
        fputs("Input num: ", stdout);

        sem_wait(&sem_two);
        if (scanf("%d", &num) != 1) { /* as the book: num keeps its value */ }
        sem_post(&sem_one);
    }
    return NULL;
}

void *accu(void *arg)
{
    int sum = 0, i;
    for (i = 0; i < 5; i++) {
        sem_wait(&sem_one);
        sum += num;
        sem_post(&sem_two);
    }
    printf("Result: %d \n", sum);
    return NULL;
}
