package syskit.ch13;

import static syskit.os.GetNum.getAddress;
import static syskit.os.GetNum.getPort;
import static syskit.os.CString.*;
import static syskit.os.Inet.*;
import static syskit.os.Socket.*;
import static syskit.os.Stdlib.*;
import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.posix.in_addr;
import syskit.posix.sockaddr_in;
import syskit.os.Errno;

/**
 * ch13/oob_send: sends "123", then "4" out of band (MSG_OOB), "567", then "890" out of band,
 * and closes. Only the last byte of an out-of-band send is urgent: "0", not "890".
 * Usage: oob_send &lt;IP&gt; &lt;port&gt;   (receiver: ch13/oob_recv)
 */
public final class OobSend {
    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int sock;
            MemorySegment recv_adr = sockaddr_in.allocate(arena);
            if (argv.length != 3) {
                System.out.println("Usage : " + argv[0] + " <IP> <port>");
                exit(1);
            }
            getAddress(argv[1]);
            getPort(argv[2]);
            sock = socket(PF_INET, SOCK_STREAM, 0);
            memset0(recv_adr);
            sockaddr_in.sin_family(recv_adr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(recv_adr), inet_addr(argv[1]));
            sockaddr_in.sin_port(recv_adr, htons(atoi(argv[2])));

            if (connect(sock, recv_adr, (int) sizeof(recv_adr)) == -1)
                error_handling("connect() error");

            write(sock, arena.allocateFrom("123"), strlen("123"));
            send(sock, arena.allocateFrom("4"), strlen("4"), MSG_OOB);
            write(sock, arena.allocateFrom("567"), strlen("567"));
            send(sock, arena.allocateFrom("890"), strlen("890"), MSG_OOB);
            close(sock);
            return 0;
        }
    }

    /** C's strlen of a string literal. */
    static long strlen(String s) {
        return s.length();
    }

    static void error_handling(String message) {
        Errno.perror(message);
        exit(1);
    }
}
