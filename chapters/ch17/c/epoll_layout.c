/* The layout of struct epoll_event as this machine's C compiler sees it: size, then the offsets of
   events, data and data.fd (EpollLayoutTest compares them with the generated binding's). */
#include <stdio.h>
#include <stddef.h>
#include <sys/epoll.h>

int main(void)
{
    printf("sizeof %zu\n", sizeof(struct epoll_event));
    printf("events %zu\n", offsetof(struct epoll_event, events));
    printf("data %zu\n", offsetof(struct epoll_event, data));
    printf("data.fd %zu\n", offsetof(struct epoll_event, data.fd));
    printf("sizeof data %zu\n", sizeof(epoll_data_t));
    printf("array[2] %zu\n", sizeof(struct epoll_event[2]));
    return 0;
}
