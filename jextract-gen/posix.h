/* The C headers whose functions syskit's listings call (every chapter of the book).
 * jextract reads this file; includes.txt picks the symbols it binds. */
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <poll.h>
#include <limits.h>
#include <sys/wait.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <stdio.h>
#include <sys/select.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <netinet/tcp.h>
#include <netdb.h>
#include <pthread.h>
#include <semaphore.h>
#include <sched.h>
