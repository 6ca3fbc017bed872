package dev.phonehome.traffic.flow;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What was analysed.
 *
 * @param file            the capture's file name (not its path: reports must not depend on where it lay)
 * @param format          {@code pcap/pcapng} or {@code har}
 * @param bytes           size of the file
 * @param units           packets (pcap, pcapng) or entries (HAR) read
 * @param keyLogSecrets   TLS secrets available: embedded in the capture plus the separate key log
 * @param apps            Android UID → package, as recorded by PCAPdroid
 */
public record CaptureDescription(String file, String format, long bytes, long units, int keyLogSecrets,
                                 Map<Integer, String> apps) {
    public static final String PACKETS = "pcap/pcapng";
    public static final String HAR = "har";

    public CaptureDescription {
        apps = Collections.unmodifiableMap(new TreeMap<>(apps));
    }
}
