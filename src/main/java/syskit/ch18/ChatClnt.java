package syskit.ch18;

import static syskit.os.GetNum.getPort;
import static syskit.os.GetNum.getAddress;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static syskit.os.CString.*;
import static syskit.os.Inet.*;
import static syskit.os.Pthread.*;
import static syskit.os.Socket.*;
import static syskit.os.Stdio.*;
import static syskit.os.Stdlib.*;
import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

import syskit.posix.in_addr;
import syskit.posix.sockaddr_in;
import syskit.os.Errno;

/**
 * ch18/chat_clnt: a chat client with two threads, one sending the lines typed on stdin as
 * "[name] line", one printing whatever the server sends. q or Q alone on a line ends it.
 * Usage: chat_clnt &lt;IP&gt; &lt;port&gt; &lt;name&gt;
 *
 * The book's flaws are kept: once the server closes, read() returns 0 for ever and recv_msg
 * prints nothing in a tight loop (100% of a CPU); at the end of stdin fgets leaves msg as it
 * was and send_msg sends the last line again and again.
 */
public final class ChatClnt {
    static final int BUF_SIZE = 100;
    static final int NAME_SIZE = 20;

    static String name = "[DEFAULT]";
    static final MemorySegment msg = Arena.global().allocate(BUF_SIZE);   // a global char array

    public static int main(String[] argv) {
        Arena arena = Arena.ofShared();   // sock is read by both threads
        MemorySegment sock = arena.allocate(JAVA_INT);
        MemorySegment serv_addr = sockaddr_in.allocate(arena);
        long[] snd_thread = new long[1], rcv_thread = new long[1];
        MemorySegment[] thread_return = new MemorySegment[1];
        if (argv.length != 4) {
            System.out.println("Usage : " + argv[0] + " <IP> <port> <name>");
            exit(1);
        }
        getAddress(argv[1]);
        getPort(argv[2]);

        // sprintf(name, "[%s]", argv[3]) into char name[20]; a Java String cannot overflow it.
        name = "[" + argv[3] + "]";
        sock.set(JAVA_INT, 0, socket(PF_INET, SOCK_STREAM, 0));

        memset0(serv_addr);
        sockaddr_in.sin_family(serv_addr, (short) AF_INET);
        in_addr.s_addr(sockaddr_in.sin_addr(serv_addr), inet_addr(argv[1]));
        sockaddr_in.sin_port(serv_addr, htons(atoi(argv[2])));

        if (connect(sock.get(JAVA_INT, 0), serv_addr, (int) sizeof(serv_addr)) == -1)
            error_handling("connect() error");

        pthread_create(snd_thread, MemorySegment.NULL, ChatClnt::send_msg, sock);
        pthread_create(rcv_thread, MemorySegment.NULL, ChatClnt::recv_msg, sock);
        pthread_join(snd_thread[0], thread_return);
        pthread_join(rcv_thread[0], thread_return);
        close(sock.get(JAVA_INT, 0));
        return 0;
    }

    static MemorySegment send_msg(MemorySegment arg) {
        int sock = arg.get(JAVA_INT, 0);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment name_msg = arena.allocate(NAME_SIZE + BUF_SIZE);
            while (true) {
                fgets(msg, BUF_SIZE, stdin());
                if (str(msg).equals("q\n") || str(msg).equals("Q\n")) {
                    close(sock);
                    exit(0);
                }
                // sprintf(name_msg, "%s %s", name, msg)
                // name is argv's text (UTF-8 as C's argv bytes), msg the bytes fgets read (str: one char per byte)
                byte[] who = name.getBytes(StandardCharsets.UTF_8), line = (" " + str(msg)).getBytes(StandardCharsets.ISO_8859_1);
                byte[] text = java.util.Arrays.copyOf(who, who.length + line.length);
                System.arraycopy(line, 0, text, who.length, line.length);
                MemorySegment.copy(text, 0, name_msg, JAVA_BYTE, 0, Math.min(text.length, (int) name_msg.byteSize() - 1));
                name_msg.set(JAVA_BYTE, Math.min(text.length, (int) name_msg.byteSize() - 1), (byte) 0);
                write(sock, name_msg, strlen(name_msg));
            }
        }
    }

    static MemorySegment recv_msg(MemorySegment arg) {
        int sock = arg.get(JAVA_INT, 0);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment name_msg = arena.allocate(NAME_SIZE + BUF_SIZE);
            int str_len;
            while (true) {
                str_len = read(sock, name_msg, NAME_SIZE + BUF_SIZE - 1);
                if (str_len == -1)
                    return MemorySegment.ofAddress(-1);   // (void *) -1
                name_msg.set(JAVA_BYTE, str_len, (byte) 0);
                fputs_stdout(name_msg);
            }
        }
    }

    /** fputs(s, stdout): the bytes up to the NUL (Java's System.out, which the port's other output uses). */
    static void fputs_stdout(MemorySegment s) {
        int n = (int) strlen(s);
        System.out.write(s.asSlice(0, n).toArray(JAVA_BYTE), 0, n);
    }

    static void error_handling(String msg) {
        Errno.perror(msg);
        exit(1);
    }
}
