package dev.phonehome.traffic.tls;

import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a ServerHello (RFC 8446 section 4.1.3) that fix how the connection is protected.
 *
 * @param version              negotiated version: supported_versions if present, else legacy_version
 * @param random               the 32-byte server random
 * @param sessionId            legacy_session_id_echo
 * @param cipherSuite          chosen suite code point
 * @param alpn                 the selected protocol (TLS 1.2; TLS 1.3 sends it encrypted)
 * @param extendedMasterSecret extended_master_secret acknowledged
 * @param encryptThenMac       encrypt_then_mac acknowledged
 * @param preSharedKey         a TLS 1.3 PSK was accepted (resumption)
 * @param helloRetryRequest    this is a HelloRetryRequest, recognised by its fixed random
 */
record ServerHello(int version, byte[] random, byte[] sessionId, int cipherSuite, Optional<String> alpn,
                          boolean extendedMasterSecret, boolean encryptThenMac, boolean preSharedKey,
                          boolean helloRetryRequest) {
    static final int TLS12 = 0x0303;
    static final int TLS13 = 0x0304;
    /** SHA-256("HelloRetryRequest"), RFC 8446 section 4.1.3. */
    private static final byte[] HELLO_RETRY_RANDOM = HexFormat.of()
            .parseHex("cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");

    static ServerHello parse(byte[] body) throws TlsFormatException {
        try {
            return parse(ByteCursor.bigEndian(body, "TLS ServerHello"));
        } catch (FormatException e) {
            throw TlsFormatException.of(e);
        }
    }

    private static ServerHello parse(ByteCursor c) throws FormatException {
        int legacyVersion = c.u16();
        byte[] random = c.bytes(ClientHello.RANDOM_LENGTH);
        byte[] sessionId = c.bytes(c.u8());
        int suite = c.u16();
        c.u8(); // compression method
        int[] version = {legacyVersion};
        String[] alpn = {null};
        boolean[] flags = new boolean[3];
        Extensions.forEach(c, (type, ext) -> {
            switch (type) {
                case Extensions.SUPPORTED_VERSIONS -> version[0] = ext.u16();
                case Extensions.ALPN -> alpn[0] = firstOrNull(Extensions.alpn(ext));
                case Extensions.EXTENDED_MASTER_SECRET -> flags[0] = true;
                case Extensions.ENCRYPT_THEN_MAC -> flags[1] = true;
                case Extensions.PRE_SHARED_KEY -> flags[2] = true;
                default -> {
                    // not needed
                }
            }
        });
        return new ServerHello(version[0], random, sessionId, suite, Optional.ofNullable(alpn[0]),
                flags[0], flags[1], flags[2], Arrays.equals(random, HELLO_RETRY_RANDOM));
    }

    static String firstOrNull(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    /** Human name of a protocol version code point. */
    static String versionName(int version) {
        return switch (version) {
            case 0x0300 -> "SSL 3.0";
            case 0x0301 -> "TLS 1.0";
            case 0x0302 -> "TLS 1.1";
            case TLS12 -> "TLS 1.2";
            case TLS13 -> "TLS 1.3";
            default -> String.format("0x%04X", version);
        };
    }
}
