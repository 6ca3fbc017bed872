package dev.phonehome.traffic.flow;

import dev.phonehome.core.Problem;
import dev.phonehome.traffic.capture.CaptureFile;
import dev.phonehome.traffic.capture.CaptureFormatException;
import dev.phonehome.traffic.capture.CaptureReader;
import dev.phonehome.traffic.capture.HarEntry;
import dev.phonehome.traffic.capture.HarReader;
import dev.phonehome.traffic.capture.KeyLog;
import dev.phonehome.traffic.capture.Packet;
import dev.phonehome.traffic.tls.TlsSecrets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Turns a capture (pcap, pcapng, either gzip-compressed, or HAR) into connections and HTTP
 * exchanges. The capture is streamed: exchanges go to the caller's consumer as they complete,
 * and only per-connection summaries are kept.
 *
 * <p>TLS secrets come from the capture (pcapng Decryption Secrets Blocks) and from a separate key
 * log; the separate one wins on conflict.
 */
public final class TrafficAnalyzer {
    /** Body bytes kept per message in exchanges; the rest is marked truncated. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
    private static final Comparator<TrafficConnection> BY_ID = Comparator
            .comparing((TrafficConnection c) -> c.id().charAt(0))
            .thenComparingLong(c -> Long.parseLong(c.id().substring(1)));

    private final int maxBodyBytes;
    private final LongConsumer bytesRead;

    public TrafficAnalyzer() {
        this(DEFAULT_MAX_BODY_BYTES, n -> { });
    }

    /**
     * @param maxBodyBytes body bytes kept per message
     * @param bytesRead    told the number of capture file bytes read so far, for progress display
     */
    public TrafficAnalyzer(int maxBodyBytes, LongConsumer bytesRead) {
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes " + maxBodyBytes + " < 0");
        }
        this.maxBodyBytes = maxBodyBytes;
        this.bytesRead = bytesRead;
    }

    /** The whole report, exchanges included (they are held in memory: prefer {@link #analyze} for huge captures). */
    public TrafficReport report(Path capture, KeyLog keyLog) throws IOException, CaptureFormatException {
        List<TrafficExchange> exchanges = new ArrayList<>();
        return analyze(capture, keyLog, exchanges::add).withExchanges(exchanges);
    }

    /**
     * Streams the exchanges of {@code capture} to {@code exchanges} as they complete and returns
     * the report without them (connections, problems, capture description).
     *
     * @throws CaptureFormatException when the file is not a capture at all; damage later in the
     *                                file becomes problems in the report
     */
    public TrafficReport analyze(Path capture, KeyLog keyLog, Consumer<TrafficExchange> exchanges)
            throws IOException, CaptureFormatException {
        long size = Files.size(capture);
        String name = capture.getFileName().toString();
        try (InputStream in = new CountingInputStream(Files.newInputStream(capture), bytesRead)) {
            if (CaptureSniffer.isHar(capture)) {
                return har(HarReader.open(in, name), name, size, keyLog, exchanges);
            }
            return packets(CaptureFile.open(in, name), name, size, keyLog, exchanges);
        }
    }

    private TrafficReport packets(CaptureReader reader, String name, long size, KeyLog keyLog,
                                  Consumer<TrafficExchange> exchanges) throws IOException {
        try (reader) {
            TlsSecrets secrets = (label, random) -> keyLog.secret(label, random)
                    .or(() -> reader.embeddedSecret(label, random));
            List<TrafficConnection> connections = new ArrayList<>();
            PacketPipeline pipeline = new PacketPipeline(new Settings(secrets, maxBodyBytes, exchanges),
                    new AppNames(reader::uidToPackage), connections::add);
            long packets = 0;
            Optional<Packet> p;
            while ((p = reader.next()).isPresent()) {
                pipeline.accept(p.get());
                packets++;
            }
            pipeline.finish();
            connections.sort(BY_ID);
            KeyLog embedded = reader.embeddedKeyLog();
            List<Problem> problems = new ArrayList<>(reader.problems());
            problems.addAll(keyLog.problems());
            problems.addAll(pipeline.problems());
            CaptureDescription d = new CaptureDescription(name, CaptureDescription.PACKETS, size, packets,
                    embedded.size() + keyLog.size(), reader.uidToPackage());
            return new TrafficReport(TrafficReport.SCHEMA, d, connections, List.of(), problems);
        }
    }

    private TrafficReport har(HarReader reader, String name, long size, KeyLog keyLog,
                              Consumer<TrafficExchange> exchanges) throws IOException {
        try (reader) {
            HarTraffic har = new HarTraffic(maxBodyBytes);
            long entries = 0;
            Optional<HarEntry> e;
            while ((e = reader.next()).isPresent()) {
                exchanges.accept(har.exchange(e.get()));
                entries++;
            }
            CaptureDescription d = new CaptureDescription(name, CaptureDescription.HAR, size, entries, keyLog.size(),
                    Map.of());
            return new TrafficReport(TrafficReport.SCHEMA, d, har.connections(), List.of(), reader.problems());
        }
    }
}
