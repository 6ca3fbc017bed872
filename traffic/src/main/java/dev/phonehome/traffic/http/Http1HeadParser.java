package dev.phonehome.traffic.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses an HTTP/1.x start line and header section from the front of a {@link ByteQueue}, with
 * the three outcomes of an incremental decoder. Tolerates bare LF line ends and obsolete line
 * folding as RFC 9112 lets a recipient do; bounds the section size and the field count.
 */
final class Http1HeadParser {
    static final Pattern REQUEST_LINE = Pattern.compile("([!#$%&'*+.^_`|~0-9A-Za-z-]+) (\\S+) (HTTP/\\d\\.\\d)");
    static final Pattern STATUS_LINE = Pattern.compile("(HTTP/\\d\\.\\d) (\\d{3})(?: (.*))?");

    /** What parsing the front of the queue gave. */
    sealed interface Result permits Parsed, NeedMore, Malformed {
    }

    record Parsed(Http1Head head, int consumed) implements Result {
    }

    record NeedMore() implements Result {
    }

    record Malformed(String reason) implements Result {
    }

    private static final NeedMore NEED_MORE = new NeedMore();

    private Http1HeadParser() {
    }

    static Result parse(ByteQueue q, boolean request, HttpLimits limits) {
        int skip = leadingEmptyLines(q);
        int firstEnd = q.indexOf((byte) '\n', skip, skip + limits.maxHeaderSectionBytes());
        if (firstEnd >= 0) {
            String first = line(q, skip, firstEnd);
            if (!(request ? REQUEST_LINE : STATUS_LINE).matcher(first).matches()) {
                return new Malformed("not a " + (request ? "request" : "status") + " line: " + abbreviate(first));
            }
        }
        int end = sectionEnd(q, skip, skip + limits.maxHeaderSectionBytes());
        if (end < 0) {
            return q.size() - skip >= limits.maxHeaderSectionBytes()
                    ? new Malformed("header section longer than " + limits.maxHeaderSectionBytes() + " bytes")
                    : NEED_MORE;
        }
        List<String> lines = lines(q, skip, end);
        List<Header> headers;
        try {
            headers = fields(lines.subList(1, lines.size()), limits, q.offset());
        } catch (Http1FormatException e) {
            return new Malformed(e.getMessage());
        }
        String first = lines.get(0);
        Http1Head head;
        if (request) {
            var m = REQUEST_LINE.matcher(first);
            m.matches();
            head = new Http1Head(m.group(1), m.group(2), m.group(3), 0, "", headers);
        } else {
            var m = STATUS_LINE.matcher(first);
            m.matches();
            int status = Integer.parseInt(m.group(2));
            if (status < 100) {
                return new Malformed("status " + status + " below 100");
            }
            head = new Http1Head("", "", m.group(1), status, m.group(3) == null ? "" : m.group(3), headers);
        }
        return new Parsed(head, end);
    }

    /** Header fields from complete lines (trailers use this too). */
    static List<Header> fields(List<String> lines, HttpLimits limits, long offset) throws Http1FormatException {
        List<Header> headers = new ArrayList<>();
        for (String line : lines) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                if (headers.isEmpty()) {
                    throw new Http1FormatException("HTTP/1 header section", offset, "folded line before any field");
                }
                Header last = headers.remove(headers.size() - 1);
                headers.add(new Header(last.name(), (last.value() + " " + line.trim()).trim()));
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new Http1FormatException("HTTP/1 header section", offset,
                        "field without name or colon: " + abbreviate(line));
            }
            if (headers.size() == limits.maxHeaderCount()) {
                throw new Http1FormatException("HTTP/1 header section", offset,
                        "more than " + limits.maxHeaderCount() + " header fields");
            }
            headers.add(new Header(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
        }
        return headers;
    }

    /** Index just past the empty line ending a section that starts at {@code from}, or -1. */
    static int sectionEnd(ByteQueue q, int from, int limit) {
        if (q.size() > from && q.at(from) == '\n') {
            return from + 1;
        }
        if (q.size() > from + 1 && q.at(from) == '\r' && q.at(from + 1) == '\n') {
            return from + 2;
        }
        int i = from;
        while (true) {
            int nl = q.indexOf((byte) '\n', i, limit);
            if (nl < 0) {
                return -1;
            }
            if (nl + 1 < q.size() && q.at(nl + 1) == '\n') {
                return nl + 2;
            }
            if (nl + 2 < q.size() && q.at(nl + 1) == '\r' && q.at(nl + 2) == '\n') {
                return nl + 3;
            }
            i = nl + 1;
        }
    }

    /** The lines of {@code [from, end)} without their terminators, the final empty line dropped. */
    static List<String> lines(ByteQueue q, int from, int end) {
        List<String> out = new ArrayList<>();
        int i = from;
        while (i < end) {
            int nl = q.indexOf((byte) '\n', i, end);
            String l = line(q, i, nl);
            if (!l.isEmpty()) {
                out.add(l);
            }
            i = nl + 1;
        }
        return out;
    }

    /** Bytes {@code [from, nl)} as ISO-8859-1 (byte-preserving), a trailing CR removed. */
    static String line(ByteQueue q, int from, int nl) {
        int end = nl > from && q.at(nl - 1) == '\r' ? nl - 1 : nl;
        byte[] b = new byte[end - from];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) q.at(from + i);
        }
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static int leadingEmptyLines(ByteQueue q) {
        int i = 0;
        while (i < q.size() && (q.at(i) == '\r' || q.at(i) == '\n')) {
            i++;
        }
        return i;
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
