package syskit.os;

/**
 * The kit refuses a call that would misbehave inside a JVM (a fork in the JIT profile, a handler
 * a JVM thread could take). The launcher prints its message, one sentence, and nothing else.
 */
public final class Refused extends IllegalStateException {
    public Refused(String message) {
        super(message);
    }
}
