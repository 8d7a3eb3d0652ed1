package syskit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import syskit.harness.Result;
import syskit.harness.Run;

/**
 * The one policy for what the kit adds to the book (README.md, "Errors and bad arguments"),
 * held over every port, every exercise file and every C reference: arguments are checked in
 * one place (GetNum in Java, chapters/kit/c/syskit.h in C), and error_handling prints the
 * book's message with the reason, as perror(3) prints it. The listings' own tests run each
 * rule as a process (BadInput and the servers' busy-port cases); this test finds the file
 * that would break it before any of them runs.
 */
class ErrorPolicyTest {
    /** Where no call sets errno, no perror: inet_aton, gethostbyname (its reason is in h_errno), a peer that closed. */
    private static final Set<String> NO_ERRNO = Set.of("InetAton.java", "Gethostbyname.java", "Gethostbyaddr.java",
            "LengthPrefixed.java", "inet_aton.c", "gethostbyname.c", "gethostbyaddr.c");
    private static final Pattern JAVA_HANDLER = Pattern.compile("static void error_handling\\(String (\\w+)\\) \\{\\s*([^;]*);");
    private static final Pattern C_HANDLER = Pattern.compile("void error_handling\\((?:const )?char \\*(\\w+)\\)\\s*\\{\\s*([^;]*);");

    @Test
    void everyErrorHandlingPrintsTheBooksMessageAndTheReason() throws IOException {
        List<String> wrong = new ArrayList<>();
        int seen = 0;
        for (Path f : sources()) {
            String name = f.getFileName().toString(), text = Files.readString(f);
            Matcher m = (name.endsWith(".java") ? JAVA_HANDLER : C_HANDLER).matcher(text);
            if (!m.find()) continue;
            seen++;
            String perror = (name.endsWith(".java") ? "Errno.perror(" : "perror(") + m.group(1) + ")";
            if (NO_ERRNO.contains(name) == m.group(2).startsWith(perror))
                wrong.add(Run.ROOT.relativize(f) + ": " + m.group(2) + (NO_ERRNO.contains(name)
                        ? " (no call here sets errno: perror would print a stale reason)" : " (expected " + perror + ")"));
        }
        assertThat(seen).as("error_handling functions found").isGreaterThan(80);
        assertThat(wrong).as("error_handling not in the one form").isEmpty();
    }

    @Test
    void argumentsAreCheckedOnlyThroughGetNumAndSyskitH() throws IOException {
        List<String> wrong = new ArrayList<>();
        Pattern own = Pattern.compile("println\\(\"bad |fprintf\\(stderr, \"bad |valid_port|class Args\\b|Inet\\.port\\(");
        for (Path f : sources()) {
            Matcher m = own.matcher(Files.readString(f));
            if (m.find()) wrong.add(Run.ROOT.relativize(f) + ": " + m.group());
        }
        assertThat(wrong).as("an argument check of its own (GetNum and syskit.h are the one place)").isEmpty();
    }

    /** The same bad port, the same line and status from a Java port and from a C reference. */
    @Test
    void aJavaPortAndACReferenceRefuseABadArgumentAlike() {
        List<Result> r = Run.all(Run.listing("ch17/echo_epollserv", "http"),
                Run.command(syskit.harness.CReference.build("ch17/echo_epollserv"), "http"),
                Run.listing("ch18/mutex", "0"), Run.command(syskit.harness.CReference.build("ch18/mutex"), "0"));
        for (Result each : r) assertThat(each.exitStatus()).as(each.toString()).isEqualTo(1);
        assertThat(r.get(0).stderr()).isEqualTo("bad port 'http': give a number from 1 to 65535\n").isEqualTo(r.get(1).stderr());
        assertThat(r.get(2).stderr()).isEqualTo("bad count '0': give a number from 1 to 2147483647\n").isEqualTo(r.get(3).stderr());
    }

    /** The ports (src/main/java/syskit/chNN), the exercises' files and the C references. */
    private static List<Path> sources() throws IOException {
        List<Path> all = new ArrayList<>();
        for (String dir : new String[] {"src/main/java/syskit", "exercises", "chapters"}) {
            try (Stream<Path> s = Files.walk(Run.ROOT.resolve(dir))) {
                s.filter(p -> p.toString().matches(".*/ch\\d\\d/.*\\.(java|c|cpp)$")).forEach(all::add);
            }
        }
        assertThat(all).hasSizeGreaterThan(150);
        return all;
    }
}
