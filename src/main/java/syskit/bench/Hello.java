package syskit.bench;

/**
 * The hello-world JVM that make bench starts next to {@code bin/syskit ch11/pipe1}, with the same
 * JVM options (the fork-safe profile), to measure what the kit adds to a JVM's start: the
 * launcher, the catalogue, the bindings' handles. Not a listing: a plain Java main.
 */
public final class Hello {
    private Hello() {}

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
