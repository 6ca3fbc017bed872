package dev.phonehome.traffic.pii;

import dev.phonehome.core.device.PersonalDataType;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ASCII e-mail address with bounded parts (so matching stays linear), except image names such
 * as {@code icon@2x.png} that share the shape.
 */
final class EmailDetector implements TypedDetector {
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,6}\\.([A-Za-z]{2,24})"
                    + "(?![A-Za-z0-9-])");
    private static final Set<String> FILE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "webp", "svg");

    @Override
    public void find(String key, ByteText text, Sink sink) {
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            if (!FILE_EXTENSIONS.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                sink.match(PersonalDataType.EMAIL, "email-address", m.start(), m.end());
            }
        }
    }
}
