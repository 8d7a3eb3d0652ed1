package syskit.launch;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

import syskit.os.ForkSafety;
import syskit.os.MemoryCheck;
import syskit.os.Messages;
import syskit.os.Refused;
import syskit.os.Signal;
import syskit.os.SigMask;
import syskit.os.Stdlib;
import syskit.os.Unistd;

/**
 * Runs one listing: {@code bin/syskit ch11/pipe1 [args...]}. Exits with the listing's own
 * status; 2 for a usage error of the launcher itself.
 *
 * A listing is a class with {@code public static int main(String[] argv)}, the C listing's
 * {@code int main(int argc, char *argv[])}: argv[0] is the listing id, as a C program's is its
 * name. Whatever way a forked child finishes (returning from main, {@link Stdlib#exit}, an
 * uncaught exception), it ends through _exit with the right status: a JVM's normal exit path
 * waits for threads the child does not have.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        String problem = Platform.mismatch();
        if (problem != null) fail(problem);

        Listings listings = Listings.load();
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.err.print("usage: bin/syskit <listing> [args...]\n\nlistings:\n" + listings.table());
            Stdlib.exit(2);
        }
        if (args[0].equals("--list")) {
            System.out.print(listings.table());
            Stdlib.exit(0);
        }
        // A learner's exercise file runs the learner's answer (compiled first if it changed).
        LearnerAnswer answer = LearnerAnswer.of(args[0]);
        if (answer != null) {
            problem = answer.compileIfStale();
            if (problem != null) fail(problem);
        }
        Listings.Entry entry = answer != null ? listings.find(answer.id()) : listings.resolve(args[0]);
        if (entry == null) fail(unknown(listings, answer != null ? answer.id() : args[0]));
        problem = Profile.ensure(entry.profile());
        if (problem != null) fail(problem);
        ClassLoader loader = Launcher.class.getClassLoader();
        if (answer != null) {
            loader = answer.loader();
            System.err.println("syskit: running your answer in exercises/" + answer.id() + "/ (not the kit's reference), as make try does");
        }
        Method main = mainOf(entry, loader);

        String[] argv = Arrays.copyOf(args, args.length);
        argv[0] = entry.id(); // argv[0] is the listing's name, as a C program's is, however it was named
        Signal.restoreDefault(Signal.SIGPIPE); // the JVM ignores it; a C program dies of it
        SigMask.unblockCatchableInThisThread();
        ForkSafety.setListingThread(Thread.currentThread());
        int status = 1;
        try {
            status = (int) main.invoke(null, (Object) argv);
        } catch (InvocationTargetException e) {
            status = crashed(entry.id(), e.getCause());
        } catch (IllegalAccessException e) {
            status = crashed(entry.id(), e);
        } finally {
            // Whatever escaped (even an Error from reporting a crash), a forked child must leave
            // through _exit: returning from main would wait in DestroyJavaVM for threads it lacks
            // (seen: children hung there when their classes were rebuilt under them).
            try {
                Stdlib.exit(status);
            } finally {
                if (ForkSafety.inChild()) Unistd._exit(status);
            }
        }
    }

    private static Method mainOf(Listings.Entry entry, ClassLoader loader) {
        try {
            Method m = Class.forName(entry.className(), true, loader).getMethod("main", String[].class);
            if (m.getReturnType() != int.class || !Modifier.isStatic(m.getModifiers())) {
                fail(entry.className() + " must declare 'public static int main(String[] argv)'");
            }
            return m;
        } catch (ClassNotFoundException e) {
            fail("listing '" + entry.id() + "' is in the catalogue but not ported yet (no class " + entry.className() + ")");
        } catch (NoSuchMethodException e) {
            fail(entry.className() + " has no 'public static int main(String[] argv)'");
        }
        return null;
    }

    /**
     * An exception nothing caught: report it like a crash, status 1, in parent or child alike.
     * A buffer overrun, which C would let happen silently, is one line naming the call or the
     * line of the listing; anything else keeps its stack trace, for whoever debugs it.
     */
    private static int crashed(String id, Throwable t) {
        System.out.flush();
        if (t instanceof Refused) {
            System.err.println("syskit: " + id + ": " + t.getMessage());
            return 1;
        }
        String overrun = MemoryCheck.describe(t);
        if (overrun != null) {
            Messages.println(System.err, "syskit: " + id + ": " + overrun);
            return 1;
        }
        System.err.println("syskit: " + id + (ForkSafety.inChild() ? " (child process)" : "")
                + " ended with an uncaught exception:");
        t.printStackTrace();
        return 1;
    }

    /** One line for an id that is not in the catalogue, with the closest ones if any are near. */
    static String unknown(Listings listings, String id) {
        List<String> near = listings.closest(id, 3);
        String guess = switch (near.size()) {
            case 0 -> "";
            case 1 -> Messages.text("did.you.mean.one", near.get(0));
            default -> Messages.text("did.you.mean", String.join(", ", near.subList(0, near.size() - 1)), near.get(near.size() - 1));
        };
        return Messages.text("unknown.listing", id, guess);
    }

    private static void fail(String message) {
        Messages.println(System.err, "syskit: " + message);
        Stdlib.exit(2);
    }
}
