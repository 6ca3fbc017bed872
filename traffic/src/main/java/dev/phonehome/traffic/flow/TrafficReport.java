package dev.phonehome.traffic.flow;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.phonehome.core.Problem;
import java.util.List;
import java.util.Objects;

/**
 * Everything a capture showed: its connections (ordered by id), its HTTP exchanges (in the
 * order they completed) and the problems met reading it. Written with
 * {@link dev.phonehome.core.json.CanonicalJson}, the same capture gives byte-identical JSON.
 *
 * <p>In JSON the exchanges come right after the schema and everything known only at the end of
 * the capture follows them, so the report can be written while the capture is read.
 */
@JsonPropertyOrder({"schema", "exchanges", "capture", "connections", "problems"})
public record TrafficReport(String schema, CaptureDescription capture, List<TrafficConnection> connections,
                            List<TrafficExchange> exchanges, List<Problem> problems) {
    public static final String SCHEMA = "phonehome.traffic/1";

    public TrafficReport {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(capture, "capture");
        connections = List.copyOf(connections);
        exchanges = List.copyOf(exchanges);
        problems = List.copyOf(problems);
    }

    /** The same report with other exchanges (e.g. filtered); connections and problems are kept. */
    public TrafficReport withExchanges(List<TrafficExchange> kept) {
        return new TrafficReport(schema, capture, connections, kept, problems);
    }
}
