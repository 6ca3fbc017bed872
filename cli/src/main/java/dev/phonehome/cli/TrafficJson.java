package dev.phonehome.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.phonehome.core.json.CanonicalJson;
import dev.phonehome.traffic.flow.TrafficConnection;
import dev.phonehome.traffic.flow.TrafficExchange;
import dev.phonehome.traffic.flow.TrafficReport;
import dev.phonehome.traffic.privacy.PrivacyReport;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * The canonical {@link TrafficReport} written as exchanges complete: {@code schema} and the
 * {@code exchanges} first, then what is known only at the end of the capture (its description,
 * the connections, the problems). The bytes equal {@link CanonicalJson#write} of the whole report.
 */
final class TrafficJson implements TrafficOutput {
    private final OutputStream out;
    private final JsonGenerator json;

    TrafficJson(OutputStream out) throws IOException {
        this.out = out;
        this.json = CanonicalJson.generator(out);
        json.writeStartObject();
        json.writeStringField("schema", TrafficReport.SCHEMA);
        json.writeArrayFieldStart("exchanges");
    }

    @Override
    public void exchange(TrafficExchange x) throws IOException {
        CanonicalJson.writeValue(json, x);
    }

    @Override
    public void end(TrafficReport report, List<TrafficConnection> connections, long exchanges,
                    Optional<PrivacyReport> privacy) throws IOException {
        json.writeEndArray();
        json.writeFieldName("capture");
        CanonicalJson.writeValue(json, report.capture());
        json.writeFieldName("connections");
        CanonicalJson.writeValue(json, connections);
        json.writeFieldName("problems");
        CanonicalJson.writeValue(json, report.problems());
        if (privacy.isPresent()) {
            json.writeFieldName("privacy");
            CanonicalJson.writeValue(json, privacy.get());
        }
        json.writeEndObject();
        CanonicalJson.finish(json, out);
    }
}
