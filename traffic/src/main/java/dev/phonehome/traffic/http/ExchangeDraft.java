package dev.phonehome.traffic.http;

import dev.phonehome.core.Problem;
import java.util.ArrayList;
import java.util.List;

/** The mutable exchange an engine fills in while a request and its response go by. */
final class ExchangeDraft {
    final String id;
    final long sequence;
    long requestTimeNanos;
    long responseTimeNanos;
    String httpVersion = "";
    String method = "";
    String scheme = "";
    String authority = "";
    String path = "";
    List<Header> requestHeaders = List.of();
    List<Header> requestTrailers = List.of();
    final List<Integer> interimStatuses = new ArrayList<>();
    int status;
    String reason = "";
    List<Header> responseHeaders = List.of();
    List<Header> responseTrailers = List.of();
    String upgrade = "";
    long pushedBy;
    final BodyCollector requestBody;
    final BodyCollector responseBody;
    final List<Problem> problems = new ArrayList<>();

    ExchangeDraft(String connectionKey, long sequence, HttpLimits limits, ConnectionMemory memory) {
        this.id = ExchangeIds.of(connectionKey, sequence);
        this.sequence = sequence;
        this.requestBody = new BodyCollector(limits.maxBodyCaptureBytes(), memory);
        this.responseBody = new BodyCollector(limits.maxBodyCaptureBytes(), memory);
    }

    void problem(HttpIssue issue, String message) {
        problems.add(issue.problem(id, message));
    }

    HttpExchange build(String connectionKey, HttpLimits limits) {
        List<Problem> all = new ArrayList<>(problems);
        Body req = body(requestBody, requestHeaders, limits, all);
        Body resp = body(responseBody, responseHeaders, limits, all);
        return new HttpExchange(id, connectionKey, sequence, requestTimeNanos, responseTimeNanos, httpVersion,
                method, scheme, authority, path, requestHeaders, req, requestTrailers, interimStatuses,
                status, reason, responseHeaders, resp, responseTrailers, upgrade, pushedBy, all);
    }

    private Body body(BodyCollector collector, List<Header> headers, HttpLimits limits, List<Problem> sink) {
        if (collector.wireLength() == 0 && !collector.truncated()) {
            collector.release();
            return Body.EMPTY;
        }
        if (collector.capped()) {
            sink.add(HttpIssue.BODY_CAPPED.problem(id, "body of " + collector.wireLength() + " bytes, only the first "
                    + limits.maxBodyCaptureBytes() + " at most were kept"));
        }
        boolean truncated = collector.truncated();
        long wireLength = collector.wireLength();
        byte[] wire = collector.release();
        ContentDecoder.Decoded d = ContentDecoder.decode(wire, wireLength, truncated, codings(headers), limits, id);
        sink.addAll(d.problems());
        return d.body();
    }

    /** Content codings, then transfer codings other than chunked: the order in which they were applied. */
    private static String codings(List<Header> headers) {
        List<String> all = new ArrayList<>();
        Header.joined(headers, "Content-Encoding").ifPresent(all::add);
        Header.joined(headers, "Transfer-Encoding").map(ContentDecoder::layers)
                .filter(l -> !l.isEmpty()).map(l -> String.join(", ", l)).ifPresent(all::add);
        return String.join(", ", all);
    }
}
