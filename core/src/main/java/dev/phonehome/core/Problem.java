package dev.phonehome.core;

import java.util.Objects;

/**
 * A coded problem met while analysing one input unit (an APK, a ZIP entry, a DEX file, a
 * packet...). Problems are recorded where they happen and the analysis carries on with the
 * siblings; reports branch on {@link #code()}, never on the message text.
 *
 * @param code     stable machine-readable code, e.g. {@code "zip.truncated"}
 * @param subject  what the problem is about, e.g. an entry name {@code "classes2.dex"}
 * @param message  human-readable detail, naming structure, offset and numbers
 */
public record Problem(String code, String subject, String message) implements Comparable<Problem> {
    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public int compareTo(Problem o) {
        int c = subject.compareTo(o.subject);
        if (c != 0) {
            return c;
        }
        c = code.compareTo(o.code);
        return c != 0 ? c : message.compareTo(o.message);
    }
}
