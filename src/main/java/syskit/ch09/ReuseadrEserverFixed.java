package syskit.ch09;

/**
 * ch09/reuseadr_eserver_fixed: ch09/reuseadr_eserver with the book's commented-out lines
 * switched on: {@code setsockopt(serv_sock, SOL_SOCKET, SO_REUSEADDR, &option, optlen)} with
 * option TRUE, before bind. Killed and restarted at once, it binds the port again although
 * the old connection is still in TIME_WAIT.
 * Usage: reuseadr_eserver_fixed &lt;port&gt;
 * C reference: chapters/ch09/c/reuseadr_eserver_fixed.c; guide: chapters/ch09/README.md.
 */
public final class ReuseadrEserverFixed {
    public static int main(String[] argv) {
        return ReuseadrEserver.serve(argv, true);
    }
}
