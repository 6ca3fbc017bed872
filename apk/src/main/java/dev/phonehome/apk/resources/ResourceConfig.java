package dev.phonehome.apk.resources;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@code ResTable_config} as the qualifier string of a res/ directory, in aapt's
 * order ({@code mcc310-en-rUS-sw600dp-land-night-xhdpi-v21}); {@code default} when empty.
 * Fields past the size the file declares read as zero ("any").
 */
final class ResourceConfig {
    static final int KNOWN_SIZE = 64;
    private static final String[] SCREEN_SIZES = {null, "small", "normal", "large", "xlarge"};
    private static final String[] ORIENTATIONS = {null, "port", "land", "square"};
    private static final String[] UI_TYPES = {null, null, "desk", "car", "television", "appliance", "watch", "vrheadset"};
    private static final String[] TOUCH = {null, "notouch", "stylus", "finger"};
    private static final String[] KEYS_HIDDEN = {null, "keysexposed", "keyshidden", "keyssoft"};
    private static final String[] KEYBOARDS = {null, "nokeys", "qwerty", "12key"};
    private static final String[] NAV_HIDDEN = {null, "navexposed", "navhidden"};
    private static final String[] NAVIGATION = {null, "nonav", "dpad", "trackball", "wheel"};

    private ResourceConfig() {
    }

    /** @param c the config bytes, at least {@link #KNOWN_SIZE} long (zero-padded) */
    static String qualifier(byte[] c) {
        List<String> q = new ArrayList<>();
        int mcc = u16(c, 4);
        int mnc = u16(c, 6);
        if (mcc != 0) {
            q.add("mcc" + mcc);
        }
        if (mnc != 0) {
            q.add("mnc" + (mnc == 0xFFFF ? "00" : mnc));
        }
        locale(c, q);
        int screenLayout = c[28] & 0xFF;
        add(q, (screenLayout & 0xC0) == 0x40 ? "ldltr" : (screenLayout & 0xC0) == 0x80 ? "ldrtl" : null);
        addDp(q, "sw", u16(c, 30));
        addDp(q, "w", u16(c, 32));
        addDp(q, "h", u16(c, 34));
        add(q, at(SCREEN_SIZES, screenLayout & 0x0F));
        add(q, (screenLayout & 0x30) == 0x10 ? "notlong" : (screenLayout & 0x30) == 0x20 ? "long" : null);
        int layout2 = c[48] & 0xFF;
        add(q, (layout2 & 3) == 1 ? "notround" : (layout2 & 3) == 2 ? "round" : null);
        int colorMode = c[49] & 0xFF;
        add(q, (colorMode & 3) == 1 ? "nowidecg" : (colorMode & 3) == 2 ? "widecg" : null);
        add(q, (colorMode & 0xC) == 4 ? "lowdr" : (colorMode & 0xC) == 8 ? "highdr" : null);
        add(q, at(ORIENTATIONS, c[12] & 0xFF));
        int uiMode = c[29] & 0xFF;
        add(q, at(UI_TYPES, uiMode & 0x0F));
        add(q, (uiMode & 0x30) == 0x10 ? "notnight" : (uiMode & 0x30) == 0x20 ? "night" : null);
        add(q, density(u16(c, 14)));
        add(q, at(TOUCH, c[13] & 0xFF));
        int inputFlags = c[18] & 0xFF;
        add(q, at(KEYS_HIDDEN, inputFlags & 3));
        add(q, at(KEYBOARDS, c[16] & 0xFF));
        add(q, at(NAV_HIDDEN, (inputFlags >> 2) & 3));
        add(q, at(NAVIGATION, c[17] & 0xFF));
        int width = u16(c, 20);
        int height = u16(c, 22);
        if (width != 0 || height != 0) {
            q.add(width + "x" + height);
        }
        int sdk = u16(c, 24);
        if (sdk != 0) {
            q.add("v" + sdk);
        }
        return q.isEmpty() ? "default" : String.join("-", q);
    }

    private static void locale(byte[] c, List<String> q) {
        String language = unpack(c[8], c[9], 'a');
        String region = unpack(c[10], c[11], '0');
        String script = ascii(c, 36, 4);
        String variant = ascii(c, 40, 8);
        if (language.isEmpty()) {
            return;
        }
        if (script.isEmpty() && variant.isEmpty() && language.length() == 2 && region.length() != 3) {
            q.add(region.isEmpty() ? language : language + "-r" + region);
            return;
        }
        StringBuilder b = new StringBuilder("b+").append(language);
        for (String part : new String[] {script, region, variant}) {
            if (!part.isEmpty()) {
                b.append('+').append(part);
            }
        }
        q.add(b.toString());
    }

    /** Two bytes hold two ASCII letters, or three 5-bit letters when the high bit is set. */
    private static String unpack(byte b0, byte b1, char base) {
        if (b0 == 0) {
            return "";
        }
        if ((b0 & 0x80) == 0) {
            return ascii(new byte[] {b0, b1}, 0, 2);
        }
        int first = b1 & 0x1F;
        int second = ((b1 & 0xE0) >> 5) + ((b0 & 0x03) << 3);
        int third = (b0 & 0x7C) >> 2;
        return new String(new char[] {(char) (base + first), (char) (base + second), (char) (base + third)});
    }

    private static String ascii(byte[] c, int offset, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = offset; i < offset + n && c[i] != 0; i++) {
            b.append((char) (c[i] & 0x7F));
        }
        return b.toString();
    }

    private static String density(int d) {
        return switch (d) {
            case 0 -> null;
            case 120 -> "ldpi";
            case 160 -> "mdpi";
            case 213 -> "tvdpi";
            case 240 -> "hdpi";
            case 320 -> "xhdpi";
            case 480 -> "xxhdpi";
            case 640 -> "xxxhdpi";
            case 0xFFFE -> "anydpi";
            case 0xFFFF -> "nodpi";
            default -> d + "dpi";
        };
    }

    private static void addDp(List<String> q, String prefix, int dp) {
        if (dp != 0) {
            q.add(prefix + dp + "dp");
        }
    }

    private static String at(String[] names, int i) {
        return i < names.length ? names[i] : null;
    }

    private static void add(List<String> q, String s) {
        if (s != null) {
            q.add(s);
        }
    }

    private static int u16(byte[] c, int offset) {
        return (c[offset] & 0xFF) | (c[offset + 1] & 0xFF) << 8;
    }
}
