// ch11/pipe2, C++ reference for syskit's Java port (src/main/java/syskit/ch11/Pipe2.java).
// Two-way talk over ONE pipe. Both processes read from the same pipe, so the child may read
// back its own question before the parent gets to it; the parent then blocks in read() for
// good. --sleep puts back the sleep(2) that the listing has commented out, which (almost
// always) lets the parent read first.
// Build: g++ -o pipe2 pipe2.cpp     Usage: ./pipe2 [--sleep]
#include <cstring>
#include <iostream>
#include <unistd.h>

#define BUF_SIZE 30

int main(int argc, char *argv[])
{
    bool with_sleep = argc == 2 && strcmp(argv[1], "--sleep") == 0;
    if (argc > 2 || (argc == 2 && !with_sleep)) {
        std::cerr << "usage: " << argv[0] << " [--sleep]" << std::endl;
        return 2;
    }
    int fds[2];
    char str1[] = "Who are you?";                 // 13 bytes with the NUL
    char str2[] = "Thank you for your message";   // 27 bytes with the NUL
    char buf[BUF_SIZE];
    pid_t pid;

    pipe(fds);
    pid = fork();
    if (pid == 0) {
        write(fds[1], str1, sizeof(str1));
        if (with_sleep)
            sleep(2);
        read(fds[0], buf, BUF_SIZE);
        std::cout << "Child proc output : " << buf << std::endl;
    } else {
        read(fds[0], buf, BUF_SIZE);
        std::cout << "Parent proc output : " << buf << std::endl;
        write(fds[1], str2, sizeof(str2));
        sleep(3);
    }
    return 0;
}
