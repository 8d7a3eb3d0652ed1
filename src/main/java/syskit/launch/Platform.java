package syskit.launch;

import java.lang.foreign.Linker;

/**
 * The bindings in jextract-gen/ were generated from Linux/glibc/x86-64 headers: struct layouts,
 * constants and symbol names are that platform's. Anywhere else the kit stops before it calls one.
 */
final class Platform {
    private Platform() {}

    /** Null when this platform is the one the bindings were generated for, else why not. */
    static String mismatch() {
        String os = System.getProperty("os.name"), arch = System.getProperty("os.arch");
        if (!os.equals("Linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return "syskit's bindings were generated for Linux/glibc/x86-64; this is " + os + "/" + arch
                    + ". Run the kit on x86-64 Linux, or regenerate the bindings there with 'make bindings'.";
        }
        if (Linker.nativeLinker().defaultLookup().find("gnu_get_libc_version").isEmpty()) {
            return "syskit's bindings were generated for glibc; this Linux has another C library (musl?). "
                    + "Run the kit on a glibc system such as Debian or Ubuntu.";
        }
        return null;
    }
}
