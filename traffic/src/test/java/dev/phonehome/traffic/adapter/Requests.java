package dev.phonehome.traffic.adapter;

import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.traffic.decode.DecodedPayload;
import dev.phonehome.traffic.decode.PayloadDecoder;
import dev.phonehome.traffic.flow.TrafficBody;
import dev.phonehome.traffic.flow.TrafficExchange;
import dev.phonehome.traffic.http.Header;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Requests as the traffic pipeline reports them, built in code, and the shipped adapters. */
final class Requests {
    static final SdkAdapters SHIPPED = SdkAdapters.of(KnowledgeBase.load());
    private static final PayloadDecoder DECODER = new PayloadDecoder();

    private Requests() {
    }

    /** A request; {@code headers} alternate name and value. */
    static TrafficExchange exchange(String method, String url, byte[] body, String... headers) {
        List<Header> list = new ArrayList<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            list.add(new Header(headers[i], headers[i + 1]));
        }
        Optional<String> contentType = Header.first(list, "Content-Type");
        Optional<TrafficBody> requestBody = body.length == 0 ? Optional.empty()
                : Optional.of(TrafficBody.of(body, contentType));
        return new TrafficExchange("x1", "c1", "2026-12-03T00:00:00Z", Optional.empty(), "127.0.0.1:40000",
                "127.0.0.1:443", Optional.empty(), Optional.empty(), Optional.empty(), "HTTP/1.1", method, url, 200,
                list, requestBody, List.of(), Optional.empty(), List.of());
    }

    static TrafficExchange get(String url, String... headers) {
        return exchange("GET", url, new byte[0], headers);
    }

    static TrafficExchange post(String url, String body, String contentType, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = contentType;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return exchange("POST", url, body.getBytes(StandardCharsets.UTF_8), all);
    }

    static DecodedPayload decode(TrafficExchange e) {
        return DECODER.decode(e.path(), e.requestHeaders(),
                e.requestBody().map(TrafficBody::bytes).orElse(new byte[0]));
    }

    static Optional<AdapterMatch> match(TrafficExchange e) {
        return SHIPPED.match(e, decode(e));
    }

    /** The parameter named {@code name} in {@code context}; fails when absent. */
    static SdkParameter parameter(AdapterMatch m, String context, String name) {
        return m.parameters().stream().filter(p -> p.context().equals(context) && p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(context + " " + name + " not in " + m.parameters()));
    }
}
