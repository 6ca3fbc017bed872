package dev.phonehome.traffic.tls;

import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a ClientHello (RFC 8446 section 4.1.2) that identify a client and matter for decryption.
 *
 * @param legacyVersion        client_version, e.g. 0x0303
 * @param random               the 32-byte client random: the key-log lookup key
 * @param sessionId            legacy_session_id (non-empty when resuming a TLS 1.2 session)
 * @param cipherSuites         offered suites in preference order
 * @param serverName           SNI host name, if sent
 * @param alpn                 offered application protocols, in order
 * @param supportedVersions    supported_versions entries (TLS 1.3 capable clients)
 * @param keyShareGroups       groups of the key shares sent
 * @param sessionTicket        a non-empty session ticket is offered (TLS 1.2 resumption)
 * @param extendedMasterSecret the extended_master_secret extension is offered
 * @param encryptThenMac       the encrypt_then_mac extension is offered
 * @param preSharedKey         a TLS 1.3 PSK (resumption) is offered
 * @param earlyData            TLS 1.3 0-RTT data is announced
 */
public record ClientHello(int legacyVersion, byte[] random, byte[] sessionId, List<Integer> cipherSuites,
                          Optional<String> serverName, List<String> alpn, List<Integer> supportedVersions,
                          List<Integer> keyShareGroups, boolean sessionTicket, boolean extendedMasterSecret,
                          boolean encryptThenMac, boolean preSharedKey, boolean earlyData) {
    static final int RANDOM_LENGTH = 32;
    private static final int MAX_SESSION_ID = 32;

    /** Parses a ClientHello message body (without the 4-byte handshake header). */
    static ClientHello parse(byte[] body) throws TlsFormatException {
        try {
            return parse(ByteCursor.bigEndian(body, "TLS ClientHello"));
        } catch (FormatException e) {
            throw TlsFormatException.of(e);
        }
    }

    private static ClientHello parse(ByteCursor c) throws FormatException {
        int version = c.u16();
        byte[] random = c.bytes(RANDOM_LENGTH);
        int sessionIdLength = c.u8();
        if (sessionIdLength > MAX_SESSION_ID) {
            throw c.error("session id of " + sessionIdLength + " bytes exceeds " + MAX_SESSION_ID);
        }
        byte[] sessionId = c.bytes(sessionIdLength);
        List<Integer> suites = Extensions.u16List(c, false);
        c.skip(c.u8()); // compression methods
        Builder b = new Builder();
        Extensions.forEach(c, b::visit);
        return new ClientHello(version, random, sessionId, suites, Optional.ofNullable(b.serverName), b.alpn,
                b.versions, b.groups, b.sessionTicket, b.ems, b.etm, b.psk, b.earlyData);
    }

    /** Collects extension values while visiting; mutable only during parsing. */
    private static final class Builder {
        String serverName;
        List<String> alpn = List.of();
        List<Integer> versions = List.of();
        List<Integer> groups = new ArrayList<>();
        boolean sessionTicket;
        boolean ems;
        boolean etm;
        boolean psk;
        boolean earlyData;

        void visit(int type, ByteCursor body) throws FormatException {
            switch (type) {
                case Extensions.SERVER_NAME -> serverName = Extensions.serverName(body).orElse(null);
                case Extensions.ALPN -> alpn = Extensions.alpn(body);
                case Extensions.SUPPORTED_VERSIONS -> versions = Extensions.u16List(body, true);
                case Extensions.KEY_SHARE -> groups = Extensions.keyShareGroups(body);
                case Extensions.SESSION_TICKET -> sessionTicket = body.remaining() > 0;
                case Extensions.EXTENDED_MASTER_SECRET -> ems = true;
                case Extensions.ENCRYPT_THEN_MAC -> etm = true;
                case Extensions.PRE_SHARED_KEY -> psk = true;
                case Extensions.EARLY_DATA -> earlyData = true;
                default -> {
                    // not reported
                }
            }
        }
    }
}
