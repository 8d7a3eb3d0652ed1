package syskit.harness;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

import syskit.os.Messages;

/**
 * What an exercise's checks say to the learner, in the learner's language (LANG, as for the
 * kit's own lines): each check's name and each failure's explanation live beside the other
 * checks of its test class, in src/test/resources/syskit/checks/&lt;TestClass&gt;.properties
 * (English, the source and the fallback) and &lt;TestClass&gt;_ko.properties, under keys
 * {@code <TestClass>.<name>}. A check's name is the key of its test method; the
 * {@code @DisplayName} beside the method holds the same English text (ChecksBundleTest).
 */
public final class Checks {
    private static final Map<String, ResourceBundle> BUNDLES = new ConcurrentHashMap<>();

    private Checks() {}

    /** The text for key ({@code CopyFileTest.noCopy}), formatted with args as String.format does. */
    public static String text(String key, Object... args) {
        return String.format(Locale.ROOT, bundle(key.substring(0, key.indexOf('.'))).getString(key), args);
    }

    /** Fails the check with the explanation under key, as AssertJ's fail() does, in the learner's words. */
    public static AssertionError fail(String key, Object... args) {
        throw new AssertionError(text(key, args));
    }

    /** The name of check {@code method} of {@code testClass} (a class name), or null when its bundle has none. */
    static String name(String testClass, String method) {
        String simple = testClass.substring(testClass.lastIndexOf('.') + 1);
        try {
            return bundle(simple).getString(simple + "." + method);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    private static ResourceBundle bundle(String testClass) {
        return BUNDLES.computeIfAbsent(testClass, c -> Messages.bundle("syskit.checks." + c));
    }
}
