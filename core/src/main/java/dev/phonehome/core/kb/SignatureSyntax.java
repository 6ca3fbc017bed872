package dev.phonehome.core.kb;

import java.util.regex.Pattern;

/** What well-formed code prefixes and domain suffixes look like. */
final class SignatureSyntax {
    private static final Pattern DOMAIN =
            Pattern.compile("(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private SignatureSyntax() {
    }

    /**
     * A code prefix is dot-separated Java identifiers, optionally ending with a dot
     * ({@code com.umeng.} or {@code com.umeng.analytics.MobclickAgent}).
     */
    static boolean isCodePrefix(String prefix) {
        String body = prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
        if (body.isEmpty()) {
            return false;
        }
        for (String segment : body.split("\\.", -1)) {
            if (segment.isEmpty() || !Character.isJavaIdentifierStart(segment.charAt(0))) {
                return false;
            }
            for (int i = 1; i < segment.length(); i++) {
                if (!Character.isJavaIdentifierPart(segment.charAt(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A domain suffix is two or more lower-case DNS labels. */
    static boolean isDomainSuffix(String domain) {
        return domain.length() <= 253 && DOMAIN.matcher(domain).matches();
    }
}
