package dev.phonehome.testkit.capture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Builds a capture laid out as PCAPdroid's pcapng dumper ({@code pcap_dump.c}) writes one: a
 * section with a LINKTYPE_RAW interface (IP packets, microsecond timestamps), a Decryption
 * Secrets Block with the TLS key log, a PCAPdroid UID-mapping custom block (PEN 62652) before the
 * first packet of each app, and the owning UID as a {@code u-<uid>} comment on every packet.
 *
 * <p>Connections are real: TLS between two in-memory BouncyCastle peers ({@link TlsPair}),
 * HTTP/1.1 or HTTP/2 inside, IPv4/TCP around. Everything is derived from the arguments and
 * fixed seeds, so the same calls give the same bytes.
 */
public final class PcapdroidCapture {
    private static final int LINKTYPE_RAW = 101;
    private static final int DNS_TTL_SECONDS = 300;
    private final Map<Integer, App> apps = new LinkedHashMap<>();
    private final List<CapturedPacket> packets = new ArrayList<>();
    private final List<String> keyLog = new ArrayList<>();
    private String[] section = new String[0];
    private long now;
    private int dnsId = 0x3a10;

    /** A capture whose first packet is at {@code start}. */
    public PcapdroidCapture(Instant start) {
        this.now = start.getEpochSecond() * 1_000_000L + start.getNano() / 1000;
    }

    /**
     * Describes the phone in the section header as PCAPdroid does ({@code shb_hardware},
     * {@code shb_os}); {@code shb_userappl} names this generator.
     */
    public PcapdroidCapture device(String hardware, String os) {
        section = new String[] {hardware, os, "phonehome testkit"};
        return this;
    }

    /** Names the app of {@code uid}, as PCAPdroid resolves it on the phone. */
    public PcapdroidCapture app(int uid, String packageName, String appName) {
        apps.put(uid, new App(packageName, appName));
        return this;
    }

    /** A DNS query from {@code client} to {@code resolver} for {@code host} and its A-record answer. */
    public PcapdroidCapture dns(int uid, Endpoint client, Endpoint resolver, String host, String address) {
        requireApp(uid);
        int id = dnsId++;
        try {
            Name name = Name.fromString(host + ".");
            Record question = Record.newRecord(name, Type.A, DClass.IN);
            Message query = Message.newQuery(question);
            query.getHeader().setID(id);
            Message answer = new Message(id);
            answer.getHeader().setFlag(Flags.QR);
            answer.getHeader().setFlag(Flags.RD);
            answer.getHeader().setFlag(Flags.RA);
            answer.addRecord(question, Section.QUESTION);
            answer.addRecord(new ARecord(name, DClass.IN, DNS_TTL_SECONDS, new Endpoint(address, 0).inet()),
                    Section.ANSWER);
            packets.add(new CapturedPacket(now, uid, Ipv4Packets.udp(client, resolver, id, 64, query.toWire())));
            now += 8_000;
            packets.add(new CapturedPacket(now, uid, Ipv4Packets.udp(resolver, client, id, 63, answer.toWire())));
            now += 2_000;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the DNS answer for " + host, e);
        }
        return this;
    }

    /**
     * A TLS connection from {@code client} to {@code server} named {@code host} carrying
     * {@code exchanges} over HTTP/1.1 ({@code alpn} {@code http/1.1}) or HTTP/2 ({@code h2}).
     */
    public PcapdroidCapture https(int uid, Endpoint client, Endpoint server, String host, TlsVersion version,
                                  String alpn, long roundTripMicros, List<HttpExchangeSpec> exchanges) {
        requireApp(uid);
        TlsPair tls = TlsPair.handshake(host, version, alpn);
        if (!tls.alpn().equals(alpn)) {
            throw new IllegalStateException(host + ": server selected ALPN '" + tls.alpn() + "', not " + alpn);
        }
        HttpEncoding http = alpn.equals("h2") ? new Http2Encoding(host) : new Http1Encoding(host);
        http.exchange(tls, exchanges);
        tls.close();
        keyLog.addAll(tls.keyLog());
        long[] isns = isns(client, server);
        now = new TcpConversation(client, server, now, roundTripMicros, isns, uid, packets::add).run(tls.flights());
        now += 50_000;
        return this;
    }

    /** The pcapng file. */
    public byte[] pcapng() {
        CaptureWriter w = CaptureWriter.pcapng().section(ByteOrder.LITTLE_ENDIAN, section).iface(LINKTYPE_RAW);
        if (!keyLog.isEmpty()) {
            w.keyLog(String.join("\n", keyLog) + "\n");
        }
        Set<Integer> mapped = new HashSet<>();
        for (CapturedPacket p : packets) {
            if (mapped.add(p.uid())) {
                App app = apps.get(p.uid());
                w.pcapdroidUid(p.uid(), app.packageName(), app.name());
            }
            w.epb(0, p.micros(), p.ip(), p.ip().length, "u-" + p.uid());
        }
        return w.bytes();
    }

    /** Initial sequence numbers from a seed naming the connection, so they look random but repeat. */
    private static long[] isns(Endpoint client, Endpoint server) {
        SeededRandom random = new SeededRandom("tcp " + client + " " + server);
        return new long[] {random.nextInt() & 0xFFFFFFFFL, random.nextInt() & 0xFFFFFFFFL};
    }

    private record App(String packageName, String name) {
    }

    private void requireApp(int uid) {
        if (!apps.containsKey(uid)) {
            throw new IllegalArgumentException("UID " + uid + " has no app; call app() first");
        }
    }
}
