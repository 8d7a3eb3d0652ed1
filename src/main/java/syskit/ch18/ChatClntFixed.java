package syskit.ch18;

import static syskit.os.GetNum.getPort;
import static syskit.os.GetNum.getAddress;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static syskit.os.CString.*;
import static syskit.os.Inet.*;
import static syskit.os.Pthread.*;
import static syskit.os.Signal.*;
import static syskit.os.Socket.*;
import static syskit.os.Stdio.*;
import static syskit.os.Stdlib.*;
import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

import syskit.os.Errno;
import syskit.posix.in_addr;
import syskit.posix.sockaddr_in;

/**
 * ch18/chat_clnt_fixed: chat_clnt with its flaws corrected. When the server closes (read
 * returns 0) or fails (-1), recv_msg says so and ends the client instead of spinning; the end
 * of stdin quits like q instead of resending the last line; a failed write ends the client
 * (SIGPIPE is ignored so that it can); each line is written to the end.
 * Usage: chat_clnt_fixed &lt;IP&gt; &lt;port&gt; &lt;name&gt;
 */
public final class ChatClntFixed {
    static final int BUF_SIZE = 100;
    static final int NAME_SIZE = 20;

    static String name = "[DEFAULT]";

    public static int main(String[] argv) {
        Arena arena = Arena.ofConfined();
        int sock;
        MemorySegment serv_addr = sockaddr_in.allocate(arena);
        long[] snd_thread = new long[1], rcv_thread = new long[1];
        if (argv.length != 4) {
            System.out.println("Usage : " + argv[0] + " <IP> <port> <name>");
            exit(1);
        }
        getAddress(argv[1]);
        getPort(argv[2]);
        if (argv[3].getBytes(StandardCharsets.UTF_8).length > NAME_SIZE - 3) {
            System.err.println("name too long: at most " + (NAME_SIZE - 3) + " bytes");
            exit(1);
        }

        signal(SIGPIPE, SIG_IGN);
        name = "[" + argv[3] + "]";
        sock = socket(PF_INET, SOCK_STREAM, 0);

        memset0(serv_addr);
        sockaddr_in.sin_family(serv_addr, (short) AF_INET);
        in_addr.s_addr(sockaddr_in.sin_addr(serv_addr), inet_addr(argv[1]));
        sockaddr_in.sin_port(serv_addr, htons(atoi(argv[2])));

        if (connect(sock, serv_addr, (int) sizeof(serv_addr)) == -1)
            error_handling("connect() error");

        pthread_create(snd_thread, MemorySegment.NULL, ChatClntFixed::send_msg, MemorySegment.ofAddress(sock));
        pthread_create(rcv_thread, MemorySegment.NULL, ChatClntFixed::recv_msg, MemorySegment.ofAddress(sock));
        pthread_join(snd_thread[0], null);
        pthread_join(rcv_thread[0], null);
        close(sock);
        return 0;
    }

    static MemorySegment send_msg(MemorySegment arg) {
        int sock = (int) arg.address();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment msg = arena.allocate(BUF_SIZE);
            MemorySegment name_msg = arena.allocate(NAME_SIZE + BUF_SIZE);
            while (true) {
                if (fgets(msg, BUF_SIZE, stdin()) == MemorySegment.NULL
                        || str(msg).equals("q\n") || str(msg).equals("Q\n")) {
                    close(sock);
                    exit(0);
                }
                // name is argv's text (UTF-8 as C's argv bytes), msg the bytes fgets read (str: one char per byte)
                byte[] who = name.getBytes(StandardCharsets.UTF_8), line = (" " + str(msg)).getBytes(StandardCharsets.ISO_8859_1);
                byte[] text = java.util.Arrays.copyOf(who, who.length + line.length);
                System.arraycopy(line, 0, text, who.length, line.length);
                MemorySegment.copy(text, 0, name_msg, JAVA_BYTE, 0, text.length);
                int done = 0, n;
                while (done < text.length && (n = write(sock, name_msg.asSlice(done), text.length - done)) > 0)
                    done += n;
                if (done < text.length) {
                    Errno.perror("write() error");
                    exit(1);
                }
            }
        }
    }

    static MemorySegment recv_msg(MemorySegment arg) {
        int sock = (int) arg.address();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment name_msg = arena.allocate(NAME_SIZE + BUF_SIZE);
            int str_len;
            while ((str_len = read(sock, name_msg, NAME_SIZE + BUF_SIZE - 1)) > 0)
                System.out.write(name_msg.asSlice(0, str_len).toArray(JAVA_BYTE), 0, str_len);
            if (str_len == -1)
                Errno.perror("read() error");
            else
                System.err.println("the server closed the connection");
            exit(1);
            return MemorySegment.NULL;
        }
    }

    static void error_handling(String msg) {
        Errno.perror(msg);
        exit(1);
    }
}
