package syskit.os;

import java.lang.foreign.MemorySegment;

/**
 * Memory safety beyond C. {@code read(fd, buf, 100)} into a 30-byte array writes past its end in
 * C, silently; the kit's calls check the count against the segment first and stop the listing
 * with one line naming the call. An index past the end of a segment or array is reported the
 * same way by the launcher ({@link #describe}).
 */
public final class MemoryCheck {
    /** A kit call asked to move more bytes than its buffer holds. */
    public static final class Overrun extends IndexOutOfBoundsException {
        private Overrun(String message) {
            super(message);
        }
    }

    /** Which way the refused call would have copied: into the buffer (read, recv) or out of it (write, send). */
    public enum Copy {
        INTO("overrun.into"), OUT_OF("overrun.out_of");

        private final String message;   // its key in syskit/messages*.properties

        Copy(String message) {
            this.message = message;
        }
    }

    private MemoryCheck() {}

    /** Refuses {@code call(fd, buf, count)} when count is larger than buf, as C would not. fd < 0: a call without one. */
    public static void count(String call, int fd, MemorySegment buf, long count, Copy copy) {
        if (count > buf.byteSize() && !buf.equals(MemorySegment.NULL)) {
            String args = fd >= 0 ? fd + ", buf, " + count : "buf, " + count;
            throw overrun(call + "(" + args + ")", "count " + count + " is larger than buf (" + buf.byteSize() + " bytes)", copy);
        }
    }

    /**
     * The one reporter of every overrun the kit refuses: {@code call: what; C would write (or read)
     * past its end}, in the learner's language ({@link Messages}). The launcher adds the listing's line where it happened ({@link #describe}).
     */
    public static Overrun overrun(String call, String what, Copy copy) {
        return new Overrun(Messages.text(copy.message, call, what));
    }

    /** One line for an overrun (and where in the listing it happened), or null for any other exception. */
    public static String describe(Throwable t) {
        if (!(t instanceof IndexOutOfBoundsException)) return null;
        String where = where(t.getStackTrace());
        if (t instanceof Overrun) return t.getMessage() + where;
        return Messages.text("index.past", where, t.getMessage());
    }

    /** " (File.java:line)" of the first frame in the listing's own code (not the kit's), or "". */
    static String where(StackTraceElement[] frames) {
        for (StackTraceElement e : frames) {
            String c = e.getClassName();
            if (c.startsWith("syskit.") && !c.startsWith("syskit.os.") && !c.startsWith("syskit.launch."))
                return " (" + e.getFileName() + ":" + e.getLineNumber() + ")";
        }
        return "";
    }
}
