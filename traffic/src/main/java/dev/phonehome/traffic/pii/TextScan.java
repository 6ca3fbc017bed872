package dev.phonehome.traffic.pii;

/**
 * Character tests for the typed detectors, which scan by hand around a rare anchor character
 * ({@code @}, {@code :}, {@code ,}) instead of trying a regular expression at every offset: a
 * lookbehind at every byte made them twenty times slower than the automaton.
 */
final class TextScan {
    private TextScan() {
    }

    static boolean digit(CharSequence t, int i) {
        return i >= 0 && i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9';
    }

    static boolean hex(CharSequence t, int i) {
        if (i < 0 || i >= t.length()) {
            return false;
        }
        char c = t.charAt(i);
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    static boolean is(CharSequence t, int i, char c) {
        return i >= 0 && i < t.length() && t.charAt(i) == c;
    }

    /** The end of the run of digits starting at {@code from}. */
    static int digitsEnd(CharSequence t, int from) {
        int i = from;
        while (digit(t, i)) {
            i++;
        }
        return i;
    }

    /** The start of the run of digits ending just before {@code end}. */
    static int digitsStart(CharSequence t, int end) {
        int i = end;
        while (digit(t, i - 1)) {
            i--;
        }
        return i;
    }
}
