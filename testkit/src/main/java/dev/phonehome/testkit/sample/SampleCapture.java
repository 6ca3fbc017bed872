package dev.phonehome.testkit.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phonehome.testkit.capture.CaptureWriter;
import dev.phonehome.testkit.capture.Endpoint;
import dev.phonehome.testkit.capture.HttpExchangeSpec;
import dev.phonehome.testkit.capture.HttpHeader;
import dev.phonehome.testkit.capture.PcapdroidCapture;
import dev.phonehome.testkit.capture.SeededRandom;
import dev.phonehome.testkit.capture.TlsVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the bundled sample capture: the traffic the sample firmware's apps send from the
 * {@link SampleDevice}, as PCAPdroid would have recorded it on the phone (TLS key log embedded,
 * each connection attributed to its app's UID). Run by the build into {@code testkit/target}:
 *
 * <ul>
 *   <li>{@code sample-capture.pcapng}: with the "User Experience" programme on;</li>
 *   <li>{@code sample-capture-optout.pcapng}: the same phone after opting out, so the Sensors
 *       Data batch and the OneTrack upload are gone and the rest persists;</li>
 *   <li>{@code sample-device.yaml}: the device profile of the first capture.</li>
 * </ul>
 *
 * Addresses are from the documentation ranges of RFC 5737; every byte is derived from fixed
 * seeds and a fixed clock, so each build writes the same files.
 */
public final class SampleCapture {
    public static final String CAPTURE = "sample-capture.pcapng";
    public static final String OPT_OUT_CAPTURE = "sample-capture-optout.pcapng";
    public static final String DEVICE_PROFILE = "sample-device.yaml";

    public static final String SENSORS_HOST = "sa.api.intl.miui.com";
    public static final String ONETRACK_HOST = "tracking.intl.miui.com";
    public static final String ANALYTICS_HOST = "www.google-analytics.com";
    public static final String AD_CONFIG_HOST = "api.ad.xiaomi.com";
    public static final String CLOUD_HOST = "register.cloud.miui.com";

    /**
     * The cloud service runs as the shared system UID, which PCAPdroid resolves to its virtual app
     * "Android" (package {@code android}): the capture cannot tell which system app sent it.
     */
    public static final int SYSTEM_UID = 1000;
    public static final int BROWSER_UID = 10061;
    public static final int AD_FILTER_UID = 10075;

    private static final Instant START = Instant.parse("2026-03-02T09:14:05Z");
    private static final Endpoint RESOLVER = new Endpoint("192.0.2.1", 53);
    private static final String PHONE_ADDRESS = "192.0.2.10";
    private static final String GA_TRACKING_ID = "UA-000000-1";
    private static final String BROWSER_VERSION = "12.0.10";
    private static final byte[] PIXEL_GIF = HexFormat.of().parseHex(
            "4749463839610100010080000000000000ffffff21f90401000000002c00000000010001000002024401003b");

    private final ObjectMapper json = new ObjectMapper();
    private int nextPort = 43_512;
    private int nextDnsPort = 38_017;

    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: SampleCapture OUTPUT_FOLDER");
        }
        write(Path.of(args[0]));
    }

    /** Writes the two captures and the device profile into {@code folder}. */
    public static void write(Path folder) {
        try {
            Files.createDirectories(folder);
            Files.write(folder.resolve(CAPTURE), new SampleCapture().pcapng(true));
            Files.write(folder.resolve(OPT_OUT_CAPTURE), new SampleCapture().pcapng(false));
            Files.writeString(folder.resolve(DEVICE_PROFILE), SampleDevice.profileYaml(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The capture of the sample phone with the "User Experience" programme on or off. */
    public byte[] pcapng(boolean userExperienceProgramme) {
        PcapdroidCapture capture = new PcapdroidCapture(START)
                .device(SampleDevice.VENDOR + " " + SampleDevice.MODEL, "Android " + SampleDevice.ANDROID_VERSION)
                .app(BROWSER_UID, "com.phonehome.sample.browser", "Sample Browser")
                .app(AD_FILTER_UID, "com.phonehome.sample.adfilter", "Sample Ad Filter")
                .app(SYSTEM_UID, "android", "Android");
        connect(capture, SYSTEM_UID, CLOUD_HOST, "203.0.113.50", TlsVersion.TLS_1_2, "http/1.1", 160_000,
                List.of(cloudRegistration()));
        connect(capture, AD_FILTER_UID, AD_CONFIG_HOST, "203.0.113.35", TlsVersion.TLS_1_2, "http/1.1", 150_000,
                List.of(keywordList()));
        if (userExperienceProgramme) {
            connect(capture, BROWSER_UID, SENSORS_HOST, "203.0.113.20", TlsVersion.TLS_1_3, "http/1.1", 140_000,
                    List.of(sensorsBatch()));
        }
        connect(capture, BROWSER_UID, ANALYTICS_HOST, "198.51.100.40", TlsVersion.TLS_1_3, "h2", 30_000,
                analyticsHits());
        if (userExperienceProgramme) {
            connect(capture, BROWSER_UID, ONETRACK_HOST, "203.0.113.60", TlsVersion.TLS_1_3, "http/1.1", 140_000,
                    List.of(oneTrackUpload()));
        }
        return capture.pcapng();
    }

    private void connect(PcapdroidCapture capture, int uid, String host, String address, TlsVersion version,
                         String alpn, long roundTripMicros, List<HttpExchangeSpec> exchanges) {
        capture.dns(uid, new Endpoint(PHONE_ADDRESS, nextDnsPort++), RESOLVER, host, address);
        capture.https(uid, new Endpoint(PHONE_ADDRESS, nextPort++), new Endpoint(address, 443), host, version, alpn,
                roundTripMicros, exchanges);
    }

    /** The cloud service registers the phone; IMEI and IMSI travel as hex digests (SHA-256, MD5). */
    private HttpExchangeSpec cloudRegistration() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("device_hash", hex("SHA-256", SampleDevice.IMEI));
        body.put("model", SampleDevice.MODEL);
        body.put("region", SampleDevice.REGION);
        body.put("account", SampleDevice.EMAIL);
        body.put("sim_operator", SampleDevice.IMSI.substring(0, 5));
        body.put("imsi_md5", hex("MD5", SampleDevice.IMSI));
        body.put("ts", START.toEpochMilli());
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("code", 0);
        reply.put("result", "ok");
        return new HttpExchangeSpec("POST", "/device/register",
                List.of(header("User-Agent", SampleDevice.USER_AGENT),
                        header("Content-Type", "application/json; charset=utf-8")),
                toJson(body), 200, List.of(header("Content-Type", "application/json")), toJson(reply));
    }

    /** The ad filter refreshes its keyword list: the server sends the list the app also bundles. */
    private static HttpExchangeSpec keywordList() {
        return new HttpExchangeSpec("GET", "/config/MiAdBlacklistConfig",
                List.of(header("User-Agent", SampleDevice.USER_AGENT), header("Accept-Encoding", "gzip")),
                new byte[0], 200,
                List.of(header("Content-Type", "text/plain; charset=utf-8"), header("Content-Encoding", "gzip")),
                CaptureWriter.gzip(SampleSources.bytes("adfilter/ad_blacklist.txt")));
    }

    /** The browser's Sensors Data batch: {@code data_list} = base64(gzip(JSON array of events)). */
    private HttpExchangeSpec sensorsBatch() {
        String events = toJsonText(List.of(
                sensorsEvent(1, "$AppStart", Map.of()),
                sensorsEvent(2, "PageView", page("https://www.example.org/news", "News", "")),
                sensorsEvent(3, "PageView", page("https://www.example.org/search?q=" + SampleDevice.HONEY,
                        "Search", SampleDevice.HONEY))));
        String form = "crc=" + events.hashCode() + "&gzip=1&data_list="
                + URLEncoder.encode(Base64.getEncoder().encodeToString(CaptureWriter.gzip(events.getBytes(StandardCharsets.UTF_8))),
                        StandardCharsets.UTF_8);
        return new HttpExchangeSpec("POST", "/sa?project=mibrowser",
                List.of(header("User-Agent", SampleDevice.USER_AGENT),
                        header("Content-Type", "application/x-www-form-urlencoded"),
                        header("Accept-Encoding", "gzip")),
                form.getBytes(StandardCharsets.US_ASCII), 200, List.of(), new byte[0]);
    }

    private static Map<String, Object> page(String url, String title, String keyword) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("url", url);
        p.put("page_title", title);
        p.put("search_keyword", keyword);
        return p;
    }

    private static Map<String, Object> sensorsEvent(int n, String event, Map<String, Object> own) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("$lib", "Android");
        properties.put("$lib_version", "6.8.0");
        properties.put("$os", "Android");
        properties.put("$os_version", SampleDevice.ANDROID_VERSION);
        properties.put("$manufacturer", SampleDevice.VENDOR);
        properties.put("$model", SampleDevice.MODEL);
        properties.put("$screen_width", SampleDevice.SCREEN_WIDTH);
        properties.put("$screen_height", SampleDevice.SCREEN_HEIGHT);
        properties.put("$app_version", BROWSER_VERSION);
        properties.put("$app_id", "com.phonehome.sample.browser");
        properties.put("$wifi", true);
        properties.put("$network_type", "WIFI");
        properties.put("$carrier", SampleDevice.CARRIER);
        properties.put("$device_id", SampleDevice.ANDROID_ID);
        // Sensors Data sends coordinates as integers, degrees times 10^6.
        properties.put("$latitude", Math.round(SampleDevice.LATITUDE * 1_000_000));
        properties.put("$longitude", Math.round(SampleDevice.LONGITUDE * 1_000_000));
        properties.put("user_experience_programme", true);
        properties.putAll(own);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("_track_id", 981_214_500 + n);
        e.put("time", START.toEpochMilli() + n * 1_250L);
        e.put("type", "track");
        e.put("event", event);
        e.put("distinct_id", SampleDevice.ANDROID_ID);
        e.put("properties", properties);
        return e;
    }

    /**
     * Measurement Protocol hits with the advertising ID as client ID, two streams on one HTTP/2
     * connection: the page view the browser's code sends and the search event that follows.
     */
    private static List<HttpExchangeSpec> analyticsHits() {
        String hit = "v=1&tid=" + GA_TRACKING_ID + "&cid=" + SampleDevice.ADVERTISING_ID;
        return List.of(analyticsHit(hit + "&t=pageview&dl=" + URLEncoder.encode("https://www.example.org/news",
                        StandardCharsets.UTF_8)),
                analyticsHit(hit + "&t=event&ec=search&ea=submit&el=" + SampleDevice.HONEY));
    }

    private static HttpExchangeSpec analyticsHit(String query) {
        return new HttpExchangeSpec("GET", "/collect?" + query,
                List.of(header("user-agent", SampleDevice.USER_AGENT), header("accept-encoding", "gzip")),
                new byte[0], 200, List.of(header("content-type", "image/gif")), PIXEL_GIF);
    }

    /** An upload encrypted by the vendor's own scheme: phonehome sees only the OT_* headers and opaque bytes. */
    private static HttpExchangeSpec oneTrackUpload() {
        SeededRandom random = new SeededRandom("onetrack body");
        byte[] body = new byte[1536];
        random.nextBytes(body);
        byte[] session = new byte[16];
        random.nextBytes(session);
        return new HttpExchangeSpec("POST", "/track/v4",
                List.of(header("User-Agent", SampleDevice.USER_AGENT),
                        header("Content-Type", "application/octet-stream"),
                        header("OT_SID", HexFormat.of().formatHex(session)),
                        header("OT_ts", Long.toString(START.toEpochMilli() + 4_000)),
                        header("OT_net", "WIFI"),
                        header("OT_sender", "com.phonehome.sample.browser"),
                        header("OT_protocol", "3.0")),
                body, 200, List.of(header("Content-Type", "application/json")),
                "{\"code\":0,\"msg\":\"success\"}".getBytes(StandardCharsets.US_ASCII));
    }

    private static HttpHeader header(String name, String value) {
        return new HttpHeader(name, value);
    }

    private byte[] toJson(Object value) {
        return toJsonText(value).getBytes(StandardCharsets.UTF_8);
    }

    private String toJsonText(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write sample JSON", e);
        }
    }

    private static String hex(String digest, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(digest)
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
