package dev.phonehome.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;

/** Writes HAR 1.2 files of requests with text bodies, for tests of the traffic side. */
public final class HarBuilder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode entries;

    public HarBuilder() {
        ObjectNode log = root.putObject("log");
        log.put("version", "1.2");
        log.putObject("creator").put("name", "phonehome testkit").put("version", "1");
        entries = log.putArray("entries");
    }

    /**
     * Adds a request answered with an empty 200.
     *
     * @param time        ISO 8601 start time
     * @param serverIp    the server address HAR records, e.g. a documentation address
     * @param contentType the request's content type, or null for a request without body
     * @param body        the request body text, or null
     */
    public HarBuilder request(String time, String method, String url, String serverIp, String contentType, String body) {
        ObjectNode e = entries.addObject();
        e.put("startedDateTime", time).put("time", 5).put("serverIPAddress", serverIp);
        ObjectNode req = e.putObject("request");
        req.put("method", method).put("url", url).put("httpVersion", "HTTP/1.1");
        ArrayNode headers = req.putArray("headers");
        if (contentType != null) {
            headers.addObject().put("name", "Content-Type").put("value", contentType);
        }
        req.putArray("queryString");
        req.putArray("cookies");
        req.put("headersSize", -1).put("bodySize", body == null ? 0 : body.length());
        if (body != null) {
            req.putObject("postData").put("mimeType", contentType).put("text", body);
        }
        ObjectNode res = e.putObject("response");
        res.put("status", 200).put("statusText", "OK").put("httpVersion", "HTTP/1.1");
        res.putArray("headers");
        res.putArray("cookies");
        res.putObject("content").put("size", 0).put("mimeType", "");
        res.put("redirectURL", "").put("headersSize", -1).put("bodySize", 0);
        e.putObject("cache");
        e.putObject("timings").put("send", 0).put("wait", 1).put("receive", 0);
        return this;
    }

    public Path write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), root);
        return file;
    }
}
