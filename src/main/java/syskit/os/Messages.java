package syskit.os;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The kit's own one-line messages (a bad argument, an unknown listing) in the learner's
 * language, from the bundles syskit/messages*.properties; never a listing's own output, which
 * stays the book's. The language is C's: the first of LC_ALL, LC_MESSAGES and LANG that is set
 * ({@code ko_KR.UTF-8} gives Korean); unset, {@code C}, {@code POSIX} or a language without a
 * bundle give English. The JVM's default locale is not consulted, so a test that runs a listing
 * with {@code LANG=C} gets English whatever the machine's JVM thinks.
 */
public final class Messages {
    private Messages() {}

    private static final ResourceBundle BUNDLE = load(locale(System.getenv()));

    /** The message for key, its %s placeholders filled from args. */
    public static String text(String key, Object... args) {
        return String.format(Locale.ROOT, BUNDLE.getString(key), args);
    }

    /**
     * Prints one line of the kit's own as UTF-8 bytes, whatever the stream's encoding: the
     * listings' streams encode ISO-8859-1 (one byte per char, so a listing prints the bytes it
     * received), which has no Korean.
     */
    public static void println(java.io.PrintStream out, String line) {
        out.flush();
        out.writeBytes((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.flush();
    }

    /** The locale C's setlocale(LC_MESSAGES, "") would pick from env: language and country only. */
    static Locale locale(Map<String, String> env) {
        for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String v = env.get(name);
            if (v == null || v.isEmpty()) continue;
            String tag = v.split("[.@]", 2)[0];
            if (tag.equals("C") || tag.equals("POSIX")) return Locale.ROOT;
            String[] parts = tag.split("_", 2);
            return parts.length == 2 ? Locale.of(parts[0], parts[1]) : Locale.of(parts[0]);
        }
        return Locale.ROOT;
    }

    /** Another bundle of the learner's words (the exercise checks' syskit/checks*.properties), in the same language. */
    public static ResourceBundle bundle(String baseName) {
        return load(baseName, locale(System.getenv()));
    }

    private static ResourceBundle load(Locale locale) {
        return load("syskit.messages", locale);
    }

    private static ResourceBundle load(String baseName, Locale locale) {
        ResourceBundle.Control noJvmDefault = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        try {
            return ResourceBundle.getBundle(baseName, locale, noJvmDefault);
        } catch (MissingResourceException e) {
            return ResourceBundle.getBundle(baseName, Locale.ROOT, noJvmDefault);
        }
    }
}
