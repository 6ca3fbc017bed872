package dev.phonehome.core.device;

import dev.phonehome.core.kb.KnowledgeBase;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Values that platforms and SDKs send in place of a real identifier: all-zero advertising IDs
 * (tracking limited), the fixed MAC Android reports to apps since version 6, {@code unknown}
 * (the list is knowledge: {@code kb/identifiers.json}). They identify nobody, so they are never
 * reported as personal data, with or without a profile.
 */
public final class Placeholders {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

    private Placeholders() {
    }

    /**
     * True for empty or blank text, a listed placeholder (any case, MACs with {@code :} or {@code -}),
     * and a digit or hex run of one repeated character such as {@code 000000000000000}.
     */
    public static boolean isPlaceholder(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        Set<String> known = KnowledgeBase.load().identifierFacts().placeholders();
        if (v.isEmpty() || known.contains(v) || known.contains(v.replace('-', ':'))) {
            return true;
        }
        String bare = v.replaceAll("[-:. ]", "");
        return bare.length() >= 6 && HEX.matcher(bare).matches() && bare.chars().allMatch(c -> c == bare.charAt(0));
    }
}
