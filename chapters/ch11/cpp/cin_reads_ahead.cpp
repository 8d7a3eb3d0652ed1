// Backs a claim of the three_conversation exercise text: with stdin from a file, C++'s cin in
// one process reads ahead into its own buffer, and the other process, which shares the file's
// read position, finds nothing left. Usage: cin_reads_ahead < file-of-two-lines
#include <iostream>
#include <sys/wait.h>
#include <unistd.h>

int main()
{
    char line[30];
    int child_read[2], parent_done[2];
    char c;

    pipe(child_read), pipe(parent_done);
    pid_t pid = fork();
    if (pid == 0) {
        close(parent_done[1]);                  // so that the parent's close ends our wait
        std::cin.getline(line, sizeof(line));
        std::cout << "child got: " << line << std::endl;
        write(child_read[1], "x", 1);           // the parent's turn
        read(parent_done[0], &c, 1);            // stay alive until it has read: as in a conversation
        return 0;
    }
    close(parent_done[0]);
    read(child_read[0], &c, 1);
    if (std::cin.getline(line, sizeof(line)))
        std::cout << "parent got: " << line << std::endl;
    else
        std::cout << "parent got nothing: the child's cin took the rest of the file" << std::endl;
    close(parent_done[1]);
    waitpid(pid, nullptr, 0);
    return 0;
}
