/*
 * mutex [N]: the cost of a pthread mutex used as chapter 18's mutex listing uses it. Two threads
 * each lock a shared mutex, add one to a shared counter and unlock it, N times (default
 * 2000000); a first round of N/10 each is untimed. Prints nanoseconds per lock+unlock pair
 * (the time from the first pthread_create to the last pthread_join, over 2N).
 * The Java twin is src/main/java/syskit/bench/MutexBench.java.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <pthread.h>

static pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
static long long num;
static long n_each;

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static void *add(void *arg)
{
    (void) arg;
    for (long i = 0; i < n_each; i++) {
        pthread_mutex_lock(&mutex);
        num += 1;
        pthread_mutex_unlock(&mutex);
    }
    return NULL;
}

/* One round: two threads, n lock+unlock pairs each. Returns the elapsed nanoseconds. */
static double round_of(long n)
{
    pthread_t t1, t2;
    n_each = n;
    double start = now_ns();
    pthread_create(&t1, NULL, add, NULL);
    pthread_create(&t2, NULL, add, NULL);
    pthread_join(t1, NULL);
    pthread_join(t2, NULL);
    return now_ns() - start;
}

int main(int argc, char *argv[])
{
    long n = argc > 1 ? atol(argv[1]) : 2000000;

    if (n <= 0) {
        fprintf(stderr, "usage: %s [N], N a positive number of pairs per thread\n", argv[0]);
        return 2;
    }
    round_of(n / 10 + 1);
    num = 0;
    double elapsed = round_of(n);
    if (num != 2LL * n) {
        fprintf(stderr, "mutex: the counter is %lld, not %lld\n", num, 2LL * n);
        return 1;
    }
    printf("mutex: %.2f ns per lock+unlock pair (2 threads x %ld pairs)\n", elapsed / (2.0 * n), n);
    return 0;
}
