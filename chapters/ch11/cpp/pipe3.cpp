// ch11/pipe3, C++ reference for syskit's Java port (src/main/java/syskit/ch11/Pipe3.java).
// Two-way talk with one pipe per direction: the child writes into fds1 and reads fds2, the
// parent reads fds1 and writes fds2, so nobody can read back its own words.
// Build: g++ -o pipe3 pipe3.cpp     Usage: ./pipe3
#include <iostream>
#include <unistd.h>

#define BUF_SIZE 30

int main(int argc, char *argv[])
{
    int fds1[2], fds2[2];
    char str1[] = "Who are you?";                 // 13 bytes with the NUL
    char str2[] = "Thank you for your message";   // 27 bytes with the NUL
    char buf[BUF_SIZE];
    pid_t pid;

    pipe(fds1), pipe(fds2);
    pid = fork();
    if (pid == 0) {
        write(fds1[1], str1, sizeof(str1));
        read(fds2[0], buf, BUF_SIZE);
        std::cout << "Child proc output : " << buf << std::endl;
    } else {
        read(fds1[0], buf, BUF_SIZE);
        std::cout << "Parent proc output : " << buf << std::endl;
        write(fds2[1], str2, sizeof(str2));
    }
    return 0;
}
