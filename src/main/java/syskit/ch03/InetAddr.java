package syskit.ch03;

import static syskit.os.Inet.*;

/**
 * ch03/inet_addr: inet_addr converts dotted-decimal text to a 32-bit address in network byte
 * order; "1.2.3.256" is not an address and gives INADDR_NONE (all ones, which is also the
 * valid address 255.255.255.255: inet_aton does not have this ambiguity).
 * Usage: inet_addr
 */
public final class InetAddr {
    public static int main(String[] argv) {
        String addr1 = "1.2.3.4";
        String addr2 = "1.2.3.256";

        int conv_addr = inet_addr(addr1);
        if (conv_addr == INADDR_NONE)
            System.out.println("Error occured! ");
        else
            System.out.println("Network ordered integer addr: 0x" + Integer.toHexString(conv_addr) + " ");

        conv_addr = inet_addr(addr2);
        if (conv_addr == INADDR_NONE)
            System.out.println("Error occured! ");
        else
            System.out.println("Network ordered integer addr: 0x" + Integer.toHexString(conv_addr) + " ");
        return 0;
    }
}
