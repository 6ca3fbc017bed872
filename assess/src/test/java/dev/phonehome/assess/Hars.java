package dev.phonehome.assess;

import java.util.ArrayList;
import java.util.List;

/** Builds HAR 1.2 captures in tests: one POST (or GET) per entry. */
public final class Hars {
    private final List<String> entries = new ArrayList<>();

    /** A POST of a form body to {@code url} at {@code time} from {@code server}. */
    public Hars post(String time, String url, String formBody, String server) {
        entries.add("""
                {"startedDateTime":"%s","time":5,
                 "request":{"method":"POST","url":"%s","httpVersion":"HTTP/1.1",
                  "headers":[{"name":"Content-Type","value":"application/x-www-form-urlencoded"}],
                  "queryString":[],"cookies":[],"headersSize":-1,"bodySize":%d,
                  "postData":{"mimeType":"application/x-www-form-urlencoded","text":"%s"}},
                 "response":{"status":200,"statusText":"OK","httpVersion":"HTTP/1.1","headers":[],"cookies":[],
                  "content":{"size":0,"mimeType":""},"redirectURL":"","headersSize":-1,"bodySize":0},
                 "cache":{},"timings":{"send":0,"wait":1,"receive":0},"serverIPAddress":"%s"}"""
                .formatted(time, url, formBody.length(), formBody, server));
        return this;
    }

    public String build() {
        return "{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"test\",\"version\":\"1\"},\"entries\":["
                + String.join(",", entries) + "]}}";
    }
}
