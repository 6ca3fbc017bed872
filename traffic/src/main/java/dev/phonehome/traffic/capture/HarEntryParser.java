package dev.phonehome.traffic.capture;

import dev.phonehome.core.ProblemLog;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Maps one {@code log.entries} object to a {@link HarEntry} while streaming: unknown and
 * {@code _}-prefixed fields are skipped without being built, lists keep at most
 * {@link #MAX_LIST} elements.
 */
final class HarEntryParser {
    static final int MAX_LIST = 1_000;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** Consumes the value of one field (the parser is on the value's first token). */
    @FunctionalInterface
    private interface FieldHandler {
        boolean field(String name) throws IOException;
    }

    private final ProblemLog problems;
    private final String subject;
    private JsonParser p;

    HarEntryParser(ProblemLog problems, String subject) {
        this.problems = problems;
        this.subject = subject;
    }

    /** The parser is on the entry's START_OBJECT; on return it is on its END_OBJECT. */
    Optional<HarEntry> entry(JsonParser parser, long index) throws IOException {
        this.p = parser;
        String[] started = {""};
        double[] time = {-1};
        HarEntry.Request[] request = {null};
        HarEntry.Response[] response = {null};
        Map<String, Double> timings = new TreeMap<>();
        String[] server = {null};
        String[] connection = {null};
        fields(name -> {
            switch (name) {
                case "startedDateTime" -> started[0] = text("");
                case "time" -> time[0] = number(-1);
                case "request" -> request[0] = request();
                case "response" -> response[0] = response();
                case "timings" -> fields(phase -> {
                    double v = number(Double.NaN);
                    if (!Double.isNaN(v) && timings.size() < MAX_LIST && !phase.startsWith("_")) {
                        timings.put(phase, v);
                    }
                    return true;
                });
                case "serverIPAddress" -> server[0] = text(null);
                case "connection" -> connection[0] = text(null);
                default -> {
                    return false;
                }
            }
            return true;
        });
        if (request[0] == null || response[0] == null) {
            problems.add("har.bad-entry", subject, "entry " + index + " lacks its request or response");
            return Optional.empty();
        }
        return Optional.of(new HarEntry(index, started[0], time[0], request[0], response[0], timings,
                Optional.ofNullable(server[0]), Optional.ofNullable(connection[0])));
    }

    private HarEntry.Request request() throws IOException {
        String[] s = {"", "", ""};
        List<HarEntry.Header> headers = new ArrayList<>();
        List<HarEntry.Header> query = new ArrayList<>();
        HarEntry.PostData[] post = {null};
        long[] bodySize = {-1};
        fields(name -> {
            switch (name) {
                case "method" -> s[0] = text("");
                case "url" -> s[1] = text("");
                case "httpVersion" -> s[2] = text("");
                case "headers" -> headers.addAll(pairs());
                case "queryString" -> query.addAll(pairs());
                case "postData" -> post[0] = postData();
                case "bodySize" -> bodySize[0] = (long) number(-1);
                default -> {
                    return false;
                }
            }
            return true;
        });
        return new HarEntry.Request(s[0], s[1], s[2], headers, query, Optional.ofNullable(post[0]), bodySize[0]);
    }

    private HarEntry.PostData postData() throws IOException {
        String[] s = {"", "", null};
        List<HarEntry.Param> params = new ArrayList<>();
        fields(name -> {
            switch (name) {
                case "mimeType" -> s[0] = text("");
                case "text" -> s[1] = text("");
                case "encoding", "_encoding" -> s[2] = text(null);
                case "params" -> array(() -> {
                    String[] f = {"", "", null, null};
                    fields(field -> {
                        switch (field) {
                            case "name" -> f[0] = text("");
                            case "value" -> f[1] = text("");
                            case "fileName" -> f[2] = text(null);
                            case "contentType" -> f[3] = text(null);
                            default -> {
                                return false;
                            }
                        }
                        return true;
                    });
                    if (params.size() < MAX_LIST) {
                        params.add(new HarEntry.Param(f[0], f[1], Optional.ofNullable(f[2]), Optional.ofNullable(f[3])));
                    }
                });
                default -> {
                    return false;
                }
            }
            return true;
        });
        return new HarEntry.PostData(s[0], s[1], params, bytes(s[1], s[2], "request postData"));
    }

    private HarEntry.Response response() throws IOException {
        String[] s = {"", "", ""};
        int[] status = {0};
        List<HarEntry.Header> headers = new ArrayList<>();
        HarEntry.Content[] content = {new HarEntry.Content(-1, "", new byte[0], false)};
        fields(name -> {
            switch (name) {
                case "status" -> status[0] = (int) number(0);
                case "statusText" -> s[0] = text("");
                case "httpVersion" -> s[1] = text("");
                case "headers" -> headers.addAll(pairs());
                case "content" -> content[0] = content();
                case "redirectURL" -> s[2] = text("");
                default -> {
                    return false;
                }
            }
            return true;
        });
        return new HarEntry.Response(status[0], s[0], s[1], headers, content[0], s[2]);
    }

    private HarEntry.Content content() throws IOException {
        long[] size = {-1};
        String[] s = {"", null, null};
        fields(name -> {
            switch (name) {
                case "size" -> size[0] = (long) number(-1);
                case "mimeType" -> s[0] = text("");
                case "text" -> s[1] = text(null);
                case "encoding" -> s[2] = text(null);
                default -> {
                    return false;
                }
            }
            return true;
        });
        return new HarEntry.Content(size[0], s[0], bytes(s[1], s[2], "response content"),
                "base64".equalsIgnoreCase(s[2]));
    }

    /** {@code text} base64-decoded when {@code encoding} says so, else UTF-8; bad base64 is a problem and no bytes. */
    private byte[] bytes(String text, String encoding, String where) {
        if (text == null) {
            return new byte[0];
        }
        if (!"base64".equalsIgnoreCase(encoding)) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(WHITESPACE.matcher(text).replaceAll(""));
        } catch (IllegalArgumentException e) {
            problems.add("har.bad-base64", subject, where + ": " + e.getMessage());
            return new byte[0];
        }
    }

    /** A list of {@code {name, value}} objects (headers, query string). */
    private List<HarEntry.Header> pairs() throws IOException {
        List<HarEntry.Header> out = new ArrayList<>();
        array(() -> {
            String[] nv = {"", ""};
            fields(name -> {
                switch (name) {
                    case "name" -> nv[0] = text("");
                    case "value" -> nv[1] = text("");
                    default -> {
                        return false;
                    }
                }
                return true;
            });
            if (out.size() < MAX_LIST) {
                out.add(new HarEntry.Header(nv[0], nv[1]));
            }
        });
        return out;
    }

    @FunctionalInterface
    private interface Element {
        void read() throws IOException;
    }

    /** Calls {@code element} on each object of the array at the parser; skips anything else. */
    private void array(Element element) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            if (t == JsonToken.START_OBJECT) {
                element.read();
            } else {
                p.skipChildren();
            }
        }
    }

    /** Walks the object at the parser; fields the handler declines (and non-objects) are skipped. */
    private void fields(FieldHandler handler) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (!handler.field(name)) { // vendor extensions ("_x") are unknown names, skipped but for postData._encoding
                p.skipChildren();
            }
        }
    }

    private String text(String fallback) throws IOException {
        if (p.currentToken().isScalarValue() && p.currentToken() != JsonToken.VALUE_NULL) {
            return p.getValueAsString();
        }
        p.skipChildren();
        return fallback;
    }

    private double number(double fallback) throws IOException {
        if (p.currentToken().isNumeric()) {
            return p.getValueAsDouble();
        }
        p.skipChildren();
        return fallback;
    }
}
