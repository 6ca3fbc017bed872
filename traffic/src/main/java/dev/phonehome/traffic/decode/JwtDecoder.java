package dev.phonehome.traffic.decode;

import java.util.List;
import java.util.regex.Pattern;

/**
 * JSON Web Tokens (RFC 7519, JWS compact form): header and payload as JSON. The signature proves
 * nothing about what was sent, so it is neither verified nor reported.
 */
final class JwtDecoder implements Decoder {
    /** Both parts encode JSON objects, whose base64url always starts {@code eyJ} ({@code {"}). */
    private static final Pattern COMPACT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*");
    private static final Hints JSON = Hints.contentType("application/json");

    @Override
    public String name() {
        return "jwt";
    }

    @Override
    public int probe(Chunk chunk) {
        return chunk.printableText().filter(t -> COMPACT.matcher(t).matches()).isPresent() ? SURE : DECLINE;
    }

    @Override
    public List<Piece> decode(Chunk chunk, long outputAllowance) throws PayloadFormatException {
        String[] parts = chunk.printableText().orElse("").split("\\.", -1);
        return List.of(part("jwt:header", parts[0]), part("jwt:payload", parts[1]));
    }

    private Piece part(String segment, String base64url) throws PayloadFormatException {
        return Base64Text.decode(base64url)
                .map(d -> Piece.bytes(segment, d.bytes(), JSON))
                .orElseThrow(() -> new PayloadFormatException("JWT " + segment, 0,
                        "not base64url: length " + base64url.length()));
    }
}
