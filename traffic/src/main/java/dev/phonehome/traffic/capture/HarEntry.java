package dev.phonehome.traffic.capture;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP exchange of a HAR 1.2 log ({@code log.entries[i]}). Vendor extensions (fields
 * starting with {@code _}) are not kept, except {@code postData._encoding}. Bodies are bytes:
 * {@code content.text} with {@code encoding: base64} is decoded, and so is {@code postData.text}
 * with {@code _encoding} (phonehome's HAR output marks binary request bodies so, since HAR 1.2 has
 * no encoding for them) or {@code encoding: base64}; plain text is UTF-8 encoded.
 *
 * @param index           0-based position in {@code log.entries}
 * @param startedDateTime ISO 8601 as written in the file
 * @param timeMillis      total elapsed time, -1 when absent
 * @param timings         phase → milliseconds ({@code blocked, dns, connect, send, wait, receive, ssl}), sorted
 */
public record HarEntry(long index, String startedDateTime, double timeMillis, Request request, Response response,
                       Map<String, Double> timings, Optional<String> serverIpAddress, Optional<String> connection) {
    public HarEntry {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
        timings = Collections.unmodifiableMap(new TreeMap<>(timings));
    }

    public record Header(String name, String value) {
    }

    /** A {@code postData.params} element (form fields). */
    public record Param(String name, String value, Optional<String> fileName, Optional<String> contentType) {
    }

    /** {@code request.postData}; {@code text} as written, {@code body} its bytes. */
    public record PostData(String mimeType, String text, List<Param> params, byte[] body) {
        public PostData {
            params = List.copyOf(params);
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }

    public record Request(String method, String url, String httpVersion, List<Header> headers,
                          List<Header> queryString, Optional<PostData> postData, long bodySize) {
        public Request {
            headers = List.copyOf(headers);
            queryString = List.copyOf(queryString);
        }
    }

    /** {@code response.content}; {@code body} is empty when the HAR omitted the text. */
    public record Content(long size, String mimeType, byte[] body, boolean base64) {
        public Content {
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }

    public record Response(int status, String statusText, String httpVersion, List<Header> headers, Content content,
                           String redirectUrl) {
        public Response {
            headers = List.copyOf(headers);
        }
    }
}
