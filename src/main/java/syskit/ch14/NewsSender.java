package syskit.ch14;

import static syskit.os.GetNum.getSeconds;
import static syskit.os.GetNum.getGroup;
import static syskit.os.GetNum.getPort;
import static syskit.os.CString.*;
import static syskit.os.Inet.*;
import static syskit.os.Socket.*;
import static syskit.os.Stdio.*;
import static syskit.os.Stdlib.*;
import static syskit.os.Unistd.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import syskit.posix.in_addr;
import syskit.posix.sockaddr_in;
import syskit.os.Errno;

/**
 * ch14/news_sender: sends news.txt (from the working directory) to a multicast group, one
 * fgets chunk of at most 29 bytes per datagram, 2 s apart, with a TTL of 64.
 * Usage: news_sender &lt;GroupIP&gt; &lt;PORT&gt; [seconds]   (the pause, 2 by default as in the book)
 *
 * As in the book, the last chunk goes out twice: feof is only true after a read has hit the end,
 * so the loop runs once more after the last line, fgets returns NULL and leaves buf as it was.
 * Only ever inside a private network namespace in the kit's tests: see the chapter guide.
 */
public final class NewsSender {
    static final int TTL = 64;
    static final int BUF_SIZE = 30;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int send_sock;
            MemorySegment mul_adr = sockaddr_in.allocate(arena);
            MemorySegment time_live = arena.allocateFrom(ValueLayout.JAVA_INT, TTL);
            MemorySegment fp;
            MemorySegment buf = arena.allocate(BUF_SIZE);
            if (argv.length != 3 && argv.length != 4) {
                System.out.println("Usage : " + argv[0] + " <GroupIP> <PORT>");
                exit(1);
            }
            getGroup(argv[1]);
            getPort(argv[2]);
            int pause = getSeconds(argv, 3, 2, "pause");
            send_sock = socket(PF_INET, SOCK_DGRAM, 0);
            memset0(mul_adr);
            sockaddr_in.sin_family(mul_adr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(mul_adr), inet_addr(argv[1]));
            sockaddr_in.sin_port(mul_adr, htons(atoi(argv[2])));

            setsockopt(send_sock, IPPROTO_IP, IP_MULTICAST_TTL, time_live, (int) time_live.byteSize());
            if ((fp = fopen("news.txt", "r")).equals(MemorySegment.NULL))
                error_handling("fopen() error");

            while (feof(fp) == 0) {
                fgets(buf, BUF_SIZE, fp);
                sendto(send_sock, buf, strlen(buf), 0, mul_adr, (int) sizeof(mul_adr));
                sleep(pause);
            }
            fclose(fp);
            close(send_sock);
            return 0;
        }
    }

    static void error_handling(String message) {
        Errno.perror(message);
        exit(1);
    }
}
