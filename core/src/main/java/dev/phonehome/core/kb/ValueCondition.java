package dev.phonehome.core.kb;

/**
 * A test on a field's value: equality with {@code equals}, or {@code regex} found anywhere in the
 * value (as TrackHAR's {@code RegExp.test}); exactly one is set.
 *
 * @param equals     the value, compared exactly
 * @param regex      a Java regex, searched
 * @param ignoreCase whether {@code regex} ignores case; absent means no
 */
public record ValueCondition(String equals, String regex, Boolean ignoreCase) {
    public boolean ignoresCase() {
        return Boolean.TRUE.equals(ignoreCase);
    }
}
