package dev.phonehome.traffic.pii;

import dev.phonehome.core.device.PersonalDataType;

/**
 * Six hex octets separated by {@code :} or {@code -} throughout, standing alone (no hex digit or
 * separator on either side, so IPv6 addresses and longer runs do not count). Bare 12-digit hex is
 * too common to tell.
 */
final class MacAddressDetector implements TypedDetector {
    private static final int LENGTH = 17;

    @Override
    public void find(String key, ByteText text, Sink sink) {
        int i = 2;
        while (i < text.length()) {
            char sep = text.charAt(i);
            if ((sep == ':' || sep == '-') && isMac(text, i - 2, sep)) {
                sink.match(PersonalDataType.MAC_ADDRESS, "mac-address", i - 2, i - 2 + LENGTH);
                i += LENGTH;
            } else {
                i++;
            }
        }
    }

    private static boolean isMac(CharSequence t, int start, char sep) {
        if (start + LENGTH > t.length() || separatorOrHex(t, start - 1) || separatorOrHex(t, start + LENGTH)) {
            return false;
        }
        for (int k = 0; k < LENGTH; k++) {
            boolean ok = k % 3 == 2 ? t.charAt(start + k) == sep : TextScan.hex(t, start + k);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean separatorOrHex(CharSequence t, int i) {
        return TextScan.hex(t, i) || TextScan.is(t, i, ':') || TextScan.is(t, i, '-');
    }
}
