package dev.phonehome.cli;

import dev.phonehome.traffic.flow.TrafficConnection;
import dev.phonehome.traffic.flow.TrafficExchange;
import dev.phonehome.traffic.flow.TrafficReport;
import dev.phonehome.traffic.privacy.PrivacyReport;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * One output format of {@code phonehome traffic}. Each kept exchange is written as it completes
 * and then forgotten, so the heap does not grow with the capture; what needs the whole capture
 * comes at the end.
 */
interface TrafficOutput {
    void exchange(TrafficExchange x) throws IOException;

    /**
     * @param report      the report without exchanges (capture description, all connections, problems)
     * @param connections the connections the filter kept
     * @param exchanges   how many exchanges the filter kept
     * @param privacy     what the kept exchanges sent where, unless the analysis was turned off
     */
    void end(TrafficReport report, List<TrafficConnection> connections, long exchanges,
             Optional<PrivacyReport> privacy) throws IOException;
}
