package syskit.ch03;

import static syskit.os.CString.*;
import static syskit.os.Inet.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import syskit.posix.in_addr;
import syskit.posix.posix_h;
import syskit.posix.sockaddr_in;

/**
 * ch03/inet_ntoa: inet_ntoa returns a pointer to ONE static buffer inside the C library. The
 * second call overwrites the text the first pointer still points to: str_ptr now reads
 * 1.1.1.1. Only the copy made with strcpy (str_arr) keeps 1.2.3.4.
 * Usage: inet_ntoa
 */
public final class InetNtoa {
    public static int main(String[] argv) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment addr1 = sockaddr_in.allocate(arena), addr2 = sockaddr_in.allocate(arena);
            MemorySegment str_ptr;
            MemorySegment str_arr = arena.allocate(20);

            in_addr.s_addr(sockaddr_in.sin_addr(addr1), htonl(0x1020304));
            in_addr.s_addr(sockaddr_in.sin_addr(addr2), htonl(0x1010101));

            // The generated binding, not Inet.inet_ntoa (which copies into a Java String at once):
            // str_ptr is C's char *, the address of the library's buffer (16 bytes: "255.255.255.255").
            str_ptr = posix_h.inet_ntoa(sockaddr_in.sin_addr(addr1)).reinterpret(16);
            MemorySegment.copy(str_ptr, 0, str_arr, 0, strlen(str_ptr) + 1);   // strcpy(str_arr, str_ptr)
            System.out.println("Dotted-Decimal notation1: " + str(str_ptr) + " ");

            posix_h.inet_ntoa(sockaddr_in.sin_addr(addr2));
            System.out.println("Dotted-Decimal notation2: " + str(str_ptr) + " ");
            System.out.println("Dotted-Decimal notation3: " + str(str_arr) + " ");
            return 0;
        }
    }
}
