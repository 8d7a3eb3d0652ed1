/* syskit.h: what the kit adds to the book's C listings, in one place; the C side of the Java
 * ports' syskit.os.GetNum. The book's atoi turns "abc" into 0 and "70000" into port 4464, and
 * inet_addr turns "localhost" into INADDR_NONE; a reference that takes its arguments through
 * here refuses such an argument with the same one line on stderr, and exit status 1, as its
 * Java port (English only: the references are compared with the ports under LANG=C). */
#ifndef SYSKIT_H
#define SYSKIT_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>

/* arg as a whole number from min to max (min >= 0), or -1: digits only, no sign, no space. */
static inline long get_int(const char *arg, long min, long max)
{
    size_t n = arg ? strlen(arg) : 0;
    if (n == 0 || n > 10 || strspn(arg, "0123456789") != n) return -1;
    long v = strtol(arg, NULL, 10);
    return v >= min && v <= max ? v : -1;
}

static inline int get_port(const char *arg)
{
    long port = get_int(arg, 1, 65535);
    if (port == -1) {
        fprintf(stderr, "bad port '%s': give a number from 1 to 65535\n", arg);
        exit(1);
    }
    return (int)port;
}

static inline const char *get_address(const char *arg)
{
    if (inet_addr(arg) == INADDR_NONE) {
        fprintf(stderr, "bad address '%s': give an IPv4 address such as 127.0.0.1\n", arg);
        exit(1);
    }
    return arg;
}

/* An optional count the kit adds where the book has a fixed one: argv[i], dflt when absent. */
static inline int get_count(int argc, char *argv[], int i, int dflt, long min, long max, const char *what)
{
    if (argc <= i) return dflt;
    long n = get_int(argv[i], min, max);
    if (n == -1) {
        fprintf(stderr, "bad %s '%s': give a number from %ld to %ld\n", what, argv[i], min, max);
        exit(1);
    }
    return (int)n;
}

/* An optional number of seconds where the book sleeps a fixed time: argv[i], dflt when absent. */
static inline int get_seconds(int argc, char *argv[], int i, int dflt, const char *what)
{
    if (argc <= i) return dflt;
    long n = get_int(argv[i], 0, 999999);
    if (n == -1) {
        fprintf(stderr, "bad %s '%s': give a number of seconds (the book's is %d)\n", what, argv[i], dflt);
        exit(1);
    }
    return (int)n;
}
#endif
