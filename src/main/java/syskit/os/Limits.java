package syskit.os;

import syskit.posix.posix_h;

/** limits.h, the values the listings use. */
public final class Limits {
    /** The most bytes a write(2) to a pipe moves at once, never mixed with another writer's. */
    public static final int PIPE_BUF = posix_h.PIPE_BUF();

    private Limits() {}
}
