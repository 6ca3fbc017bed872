package dev.phonehome.traffic.tls;

import java.util.List;
import java.util.Optional;

/**
 * What a QUIC client's Initial packets reveal without any key log.
 *
 * @param version      QUIC version, 1 (RFC 9000) or 0x6b3343cf (RFC 9369)
 * @param dcid         hex destination connection id the Initial keys were derived from
 * @param serverName   SNI of the ClientHello
 * @param alpn         offered application protocols (e.g. {@code h3})
 * @param clientRandom hex client random, to match a key log for the 1-RTT data
 */
public record QuicClientHelloInfo(long version, String dcid, Optional<String> serverName, List<String> alpn,
                                  String clientRandom) {
    public QuicClientHelloInfo {
        alpn = List.copyOf(alpn);
    }
}
