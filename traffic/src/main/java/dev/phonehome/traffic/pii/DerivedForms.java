package dev.phonehome.traffic.pii;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What clients make of a spelling before sending it: MD5, SHA-1 and SHA-256 digests (hex in either
 * case, base64), base64 of the text itself, and URL encoding. Forms are named
 * {@code <derivation>} for the value as written and {@code <derivation>(<spelling>)} otherwise,
 * e.g. {@code sha256-hex}, {@code md5-hex-upper(no-separator-upper-case)}.
 */
final class DerivedForms {
    /** Base64 fragments shorter than this are left out: they would match unrelated base64 by chance. */
    static final int MIN_BASE64_CHARS = 6;

    private static final String[][] DIGESTS = {{"MD5", "md5"}, {"SHA-1", "sha1"}, {"SHA-256", "sha256"}};
    private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9A-F]{2}");

    private DerivedForms() {
    }

    /** The derived forms of one spelling. */
    static List<Variant> of(Variant spelling) {
        byte[] bytes = spelling.text().getBytes(StandardCharsets.UTF_8);
        List<Variant> out = new ArrayList<>();
        for (String[] digest : DIGESTS) {
            byte[] d = digest(digest[0], bytes);
            String hex = HexFormat.of().formatHex(d);
            out.add(derive(spelling, hex, digest[1] + "-hex"));
            out.add(derive(spelling, hex.toUpperCase(Locale.ROOT), digest[1] + "-hex-upper"));
            out.add(derive(spelling, Base64.getEncoder().encodeToString(d), digest[1] + "-base64"));
        }
        for (int shift = 0; shift < 3; shift++) {
            String fragment = base64Fragment(bytes, shift);
            if (fragment.length() >= MIN_BASE64_CHARS) {
                String suffix = shift == 0 ? "" : "-shift-" + shift;
                out.add(derive(spelling, fragment, "base64" + suffix));
                String urlSafe = fragment.replace('+', '-').replace('/', '_');
                if (!urlSafe.equals(fragment)) {
                    out.add(derive(spelling, urlSafe, "base64url" + suffix));
                }
            }
        }
        String formEncoded = URLEncoder.encode(spelling.text(), StandardCharsets.UTF_8);
        if (!formEncoded.equals(spelling.text())) {
            out.add(derive(spelling, formEncoded, "url-encoded"));
            String percent = formEncoded.replace("+", "%20").replace("%7E", "~");
            if (!percent.equals(formEncoded)) {
                out.add(derive(spelling, percent, "percent-encoded"));
            }
            String lower = lowerEscapes(formEncoded);
            if (!lower.equals(formEncoded)) {
                out.add(derive(spelling, lower, "url-encoded-lower-hex"));
            }
        }
        return out;
    }

    /**
     * The base64 characters that are the same whatever surrounds {@code bytes} when they start at
     * offset {@code shift} (mod 3) of a longer base64-encoded text: characters that also carry bits
     * of a neighbouring byte are left out.
     */
    static String base64Fragment(byte[] bytes, int shift) {
        byte[] stream = new byte[shift + bytes.length + 2];
        System.arraycopy(bytes, 0, stream, shift, bytes.length);
        String encoded = Base64.getEncoder().encodeToString(stream);
        int firstBit = 8 * shift;
        int endBit = 8 * (shift + bytes.length);
        int first = (firstBit + 5) / 6;
        int end = endBit / 6;
        return first >= end ? "" : encoded.substring(first, end);
    }

    private static Variant derive(Variant spelling, String text, String derivation) {
        String form = spelling.form().equals(TextForms.PLAIN) ? derivation : derivation + "(" + spelling.form() + ")";
        return spelling.derive(text, form);
    }

    private static String lowerEscapes(String encoded) {
        Matcher m = PERCENT_ESCAPE.matcher(encoded);
        return m.replaceAll(r -> r.group().toLowerCase(Locale.ROOT));
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every Java platform", e);
        }
    }
}
