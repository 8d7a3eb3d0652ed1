package syskit.os;

/**
 * A process that takes one port argument through GetNum, as a listing does, and prints it when
 * it is good: MessagesTest runs it to see GetNum's refusal line under each locale while the
 * listings are still being moved onto GetNum (a real listing replaces it once one calls getPort).
 */
public final class GetNumProbe {
    private GetNumProbe() {}

    public static void main(String[] argv) {
        System.out.println(GetNum.getPort(argv[0]));
    }
}
