package syskit.os;

/**
 * Not in C's library: the command-line number check every listing needs, named after TLPI's
 * get_num.h ({@code getInt}). The book's {@code atoi} turns "abc" into 0 and "70000" into a
 * port of 4464; a listing that takes a number through here refuses such an argument with its
 * own clear message instead.
 */
public final class GetNum {
    private GetNum() {}

    /** arg as a whole number from min to max (min >= 0), or -1 when it is not one: no sign, digits only. */
    public static int getInt(String arg, int min, int max) {
        if (min < 0) throw new IllegalArgumentException("getInt: min must be >= 0, -1 means a bad argument");
        if (arg == null || arg.isEmpty() || arg.length() > 10 || !arg.chars().allMatch(c -> c >= '0' && c <= '9')) return -1;
        long n = Long.parseLong(arg);
        return n >= min && n <= max ? (int) n : -1;
    }
}
