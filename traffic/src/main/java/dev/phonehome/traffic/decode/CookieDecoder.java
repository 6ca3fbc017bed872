package dev.phonehome.traffic.decode;

import java.util.ArrayList;
import java.util.List;

/** A {@code Cookie} request header (RFC 6265 §4.2): {@code cookie:name} per cookie, in the order sent. */
final class CookieDecoder implements Decoder {
    static final String ORIGIN = "cookie";

    @Override
    public String name() {
        return "cookie";
    }

    @Override
    public int probe(Chunk chunk) {
        return chunk.hints().origin().equals(ORIGIN) && chunk.text().isPresent() ? SURE : DECLINE;
    }

    @Override
    public List<Piece> decode(Chunk chunk, long outputAllowance) {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (String pair : chunk.text().orElse("").split(";")) {
            String p = pair.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            names.add("cookie:" + PathSyntax.name(eq < 0 ? "" : p.substring(0, eq).strip()));
            values.add(unquote(eq < 0 ? p : p.substring(eq + 1).strip()));
        }
        List<String> segments = PathSyntax.indexed(names);
        List<Piece> pieces = new ArrayList<>(segments.size());
        for (int i = 0; i < segments.size(); i++) {
            pieces.add(Piece.text(segments.get(i), values.get(i), Hints.NONE));
        }
        return pieces;
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }
}
