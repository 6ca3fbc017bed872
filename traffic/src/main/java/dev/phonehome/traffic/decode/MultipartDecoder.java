package dev.phonehome.traffic.decode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code multipart/*} bodies (RFC 7578 form-data, RFC 2046): one {@code multipart:name} piece per part,
 * carrying the part's own Content-Type and Content-Encoding as hints. Parts without a name are
 * named {@code ""}.
 */
final class MultipartDecoder implements Decoder {
    /** RFC 2046 caps boundaries at 70 characters; a longer one is not worth a quadratic search. */
    private static final int MAX_BOUNDARY = 70;
    private static final int MAX_PART_HEADERS = 16 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADERS_END = {'\r', '\n', '\r', '\n'};

    private record Part(String name, Hints hints, byte[] body) {
    }

    @Override
    public String name() {
        return "multipart";
    }

    @Override
    public int probe(Chunk chunk) {
        String boundary = chunk.hints().parameter("boundary");
        return chunk.hints().mediaType().startsWith("multipart/") && !boundary.isEmpty()
                && boundary.length() <= MAX_BOUNDARY ? SURE : DECLINE;
    }

    @Override
    public List<Piece> decode(Chunk chunk, long outputAllowance) throws PayloadFormatException {
        List<Part> parts = parts(chunk.bytes(), chunk.hints().parameter("boundary"));
        List<String> segments = PathSyntax.indexed(parts.stream().map(p -> "multipart:" + PathSyntax.name(p.name)).toList());
        List<Piece> pieces = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            pieces.add(Piece.bytes(segments.get(i), parts.get(i).body, parts.get(i).hints));
        }
        return pieces;
    }

    private List<Part> parts(byte[] b, String boundary) throws PayloadFormatException {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] nextDelimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = 0;
        if (!startsWith(b, 0, delimiter)) {
            int first = indexOf(b, nextDelimiter, 0);
            if (first < 0) {
                throw new PayloadFormatException("multipart body", 0, "boundary '" + boundary + "' not found");
            }
            at = first + 2;
        }
        List<Part> parts = new ArrayList<>();
        while (true) {
            int afterDelimiter = at + delimiter.length;
            if (startsWith(b, afterDelimiter, new byte[] {'-', '-'})) {
                return parts;
            }
            int lineEnd = indexOf(b, CRLF, afterDelimiter);
            int headersEnd = lineEnd < 0 ? -1 : indexOf(b, HEADERS_END, lineEnd);
            if (lineEnd < 0 || headersEnd < 0 || headersEnd - lineEnd > MAX_PART_HEADERS) {
                throw new PayloadFormatException("multipart part headers", afterDelimiter, "no end of headers");
            }
            int bodyStart = headersEnd + HEADERS_END.length;
            int bodyEnd = indexOf(b, nextDelimiter, bodyStart);
            if (bodyEnd < 0) {
                throw new PayloadFormatException("multipart part", bodyStart, "no closing boundary");
            }
            String headers = new String(b, lineEnd + 2, headersEnd - lineEnd, StandardCharsets.UTF_8);
            parts.add(part(headers, Arrays.copyOfRange(b, bodyStart, bodyEnd)));
            at = bodyEnd + 2;
        }
    }

    private static Part part(String headers, byte[] body) {
        String name = "";
        String contentType = "";
        String encoding = "";
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String field = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (field) {
                case "content-disposition" -> name = Hints.contentType(value).parameter("name");
                case "content-type" -> contentType = value;
                case "content-encoding" -> encoding = value.toLowerCase(Locale.ROOT);
                default -> {
                }
            }
        }
        return new Part(name, new Hints(contentType, encoding, ""), body);
    }

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        return at >= 0 && at + prefix.length <= b.length && Arrays.equals(b, at, at + prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] b, byte[] needle, int from) {
        for (int i = Math.max(0, from); i + needle.length <= b.length; i++) {
            if (startsWith(b, i, needle)) {
                return i;
            }
        }
        return -1;
    }
}
