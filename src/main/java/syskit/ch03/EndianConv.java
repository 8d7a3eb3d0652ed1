package syskit.ch03;

import static syskit.os.Inet.*;

/**
 * ch03/endian_conv: a port and an address in host byte order and, after htons/htonl, in
 * network byte order (big endian). On a little-endian machine (x86, most ARM) the bytes swap:
 * 0x1234 becomes 0x3412.
 * Usage: endian_conv
 */
public final class EndianConv {
    public static int main(String[] argv) {
        // Java has no unsigned short or unsigned long: ints masked to their C width stand in.
        int host_port = 0x1234;
        int net_port;
        long host_addr = 0x12345678L;
        long net_addr;

        net_port = Short.toUnsignedInt(htons(host_port));
        net_addr = Integer.toUnsignedLong(htonl((int) host_addr));

        System.out.println("Host ordered port: 0x" + Integer.toHexString(host_port) + " ");
        System.out.println("Network ordered port: 0x" + Integer.toHexString(net_port) + " ");
        System.out.println("Host ordered address: 0x" + Long.toHexString(host_addr) + " ");
        System.out.println("Network ordered address: 0x" + Long.toHexString(net_addr) + " ");
        return 0;
    }
}
