package dev.phonehome.core.device;

/** The Luhn (mod 10) check digit of IMEIs and ICCIDs. */
public final class Luhn {
    private Luhn() {
    }

    /** True when {@code digits} (ASCII digits only, at least two) ends in its Luhn check digit. */
    public static boolean isValid(CharSequence digits) {
        int n = digits.length();
        return n >= 2 && checkDigit(digits.subSequence(0, n - 1)) == digits.charAt(n - 1) - '0';
    }

    /** The check digit to append to {@code digits} (ASCII digits only). */
    public static int checkDigit(CharSequence digits) {
        int sum = 0;
        boolean twice = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                throw new IllegalArgumentException("not a digit at " + i + ": " + digits.charAt(i));
            }
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return (10 - sum % 10) % 10;
    }
}
