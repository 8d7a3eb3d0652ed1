package syskit.ch14;

import static syskit.os.GetNum.getSeconds;
import static syskit.os.GetNum.getAddress;
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
 * ch14/news_sender_brd: news_sender over broadcast: SO_BROADCAST on, each chunk of news.txt
 * sent to a broadcast address, 2 s apart. The last chunk goes out twice, as in news_sender.
 * Usage: news_sender_brd &lt;IP&gt; &lt;PORT&gt; [seconds]   (the book's usage line says GroupIP)
 * Only ever inside a private network namespace in the kit's tests: see the chapter guide.
 */
public final class NewsSenderBrd {
    static final int BUF_SIZE = 30;

    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            int send_sock;
            MemorySegment broad_adr = sockaddr_in.allocate(arena);
            MemorySegment fp;
            MemorySegment buf = arena.allocate(BUF_SIZE);
            MemorySegment so_brd = arena.allocateFrom(ValueLayout.JAVA_INT, 1);
            if (argv.length != 3 && argv.length != 4) {
                System.out.println("Usage : " + argv[0] + " <GroupIP> <PORT>");
                exit(1);
            }
            getAddress(argv[1]);
            getPort(argv[2]);
            int pause = getSeconds(argv, 3, 2, "pause");
            send_sock = socket(PF_INET, SOCK_DGRAM, 0);
            memset0(broad_adr);
            sockaddr_in.sin_family(broad_adr, (short) AF_INET);
            in_addr.s_addr(sockaddr_in.sin_addr(broad_adr), inet_addr(argv[1]));
            sockaddr_in.sin_port(broad_adr, htons(atoi(argv[2])));
            setsockopt(send_sock, SOL_SOCKET, SO_BROADCAST, so_brd, (int) so_brd.byteSize());
            if ((fp = fopen("news.txt", "r")).equals(MemorySegment.NULL))
                error_handling("fopen() error");

            while (feof(fp) == 0) {
                fgets(buf, BUF_SIZE, fp);
                sendto(send_sock, buf, strlen(buf), 0, broad_adr, (int) sizeof(broad_adr));
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
