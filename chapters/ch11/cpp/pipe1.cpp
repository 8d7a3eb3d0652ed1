// ch11/pipe1, C++ reference for syskit's Java port (src/main/java/syskit/ch11/Pipe1.java).
// One pipe shared through fork(): the child writes a question into it, the parent reads it
// and prints it. Build: g++ -o pipe1 pipe1.cpp     Usage: ./pipe1
#include <iostream>
#include <unistd.h>

#define BUF_SIZE 30

int main(int argc, char *argv[])
{
    int fds[2];
    char str[] = "Who are you?";   // sizeof(str) is 13: the NUL travels too
    char buf[BUF_SIZE];
    pid_t pid;

    pipe(fds);
    pid = fork();
    if (pid == 0)
        write(fds[1], str, sizeof(str));
    else {
        read(fds[0], buf, BUF_SIZE);
        std::cout << buf << std::endl;
    }
    return 0;
}
