package dev.phonehome.traffic.pii;

import dev.phonehome.core.device.PersonalDataType;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ASCII e-mail address found from its {@code @}: a local part of 1 to 64 characters before it,
 * a dotted domain after it, except image names such as {@code icon@2x.png} that share the shape.
 */
final class EmailDetector implements TypedDetector {
    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 253;
    private static final Pattern DOMAIN = Pattern.compile(
            "[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,6}\\.([A-Za-z]{2,24})(?![A-Za-z0-9-])");
    private static final Set<String> FILE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "webp", "svg");

    @Override
    public void find(String key, ByteText text, Sink sink) {
        Matcher domain = null;
        for (int at = 1; at < text.length(); at++) {
            if (text.charAt(at) != '@') {
                continue;
            }
            int start = at;
            while (start > 0 && at - start < MAX_LOCAL && local(text.charAt(start - 1))) {
                start--;
            }
            if (start == at || start > 0 && local(text.charAt(start - 1))) {
                continue;
            }
            if (domain == null) {
                domain = DOMAIN.matcher(text).useTransparentBounds(true);
            }
            domain.region(at + 1, Math.min(text.length(), at + 1 + MAX_DOMAIN));
            if (domain.lookingAt() && !FILE_EXTENSIONS.contains(domain.group(1).toLowerCase(Locale.ROOT))) {
                sink.match(PersonalDataType.EMAIL, "email-address", start, domain.end());
                at = domain.end() - 1;
            }
        }
    }

    private static boolean local(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || ".%+_-".indexOf(c) >= 0;
    }
}
