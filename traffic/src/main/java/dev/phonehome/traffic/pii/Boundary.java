package dev.phonehome.traffic.pii;

/**
 * What may not stand right before or after a match. Numbers need this: the 14 digits of an IMEI
 * without its check digit sit inside every 15-digit IMEI, and {@code 54.69} inside {@code 154.6931}.
 */
enum Boundary {
    /** Anything may touch the match (hashes, base64, free text: a coincidence is vanishingly rare). */
    NONE {
        @Override
        boolean accepts(CharSequence text, int start, int end) {
            return true;
        }
    },
    /** No ASCII digit on either side. */
    DIGITS {
        @Override
        boolean accepts(CharSequence text, int start, int end) {
            return !digitAt(text, start - 1) && !digitAt(text, end);
        }
    },
    /** A decimal number: no digit on either side, and no decimal point or minus sign just before. */
    NUMBER {
        @Override
        boolean accepts(CharSequence text, int start, int end) {
            if (start > 0 && (text.charAt(start - 1) == '.' || text.charAt(start - 1) == '-')) {
                return false;
            }
            boolean pointAfterDigits = end + 1 < text.length() && text.charAt(end) == '.' && digitAt(text, end + 1);
            return DIGITS.accepts(text, start, end) && !pointAfterDigits;
        }
    };

    /** Whether {@code text[start, end)} stands alone as this boundary requires. */
    abstract boolean accepts(CharSequence text, int start, int end);

    private static boolean digitAt(CharSequence text, int i) {
        return i >= 0 && i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9';
    }
}
