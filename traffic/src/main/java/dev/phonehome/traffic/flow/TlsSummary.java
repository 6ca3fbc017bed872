package dev.phonehome.traffic.flow;

import dev.phonehome.traffic.tls.QuicClientHelloInfo;
import dev.phonehome.traffic.tls.TlsFacts;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The TLS facts a report needs about one connection.
 *
 * @param notDecrypted       why (part of) the connection was not decrypted: a
 *                           {@link dev.phonehome.traffic.tls.NotDecryptedReason} name, or
 *                           {@value #QUIC_NOT_DECRYPTED} for QUIC; empty when all was decrypted
 * @param notDecryptedDetail the first problem's message, naming the numbers
 */
public record TlsSummary(Optional<String> version, Optional<String> cipherSuite, Optional<String> serverName,
                         List<String> alpnOffered, Optional<String> alpnSelected, boolean decrypted,
                         Optional<String> notDecrypted, Optional<String> notDecryptedDetail) {
    /** QUIC 1-RTT packets are not decrypted; only the Initial packets are read. */
    public static final String QUIC_NOT_DECRYPTED = "QUIC_1RTT_NOT_DECRYPTED";

    public TlsSummary {
        Objects.requireNonNull(notDecrypted, "notDecrypted");
        alpnOffered = List.copyOf(alpnOffered);
    }

    static TlsSummary of(TlsFacts f) {
        return new TlsSummary(f.version(), f.cipherSuite(), f.serverName(), f.alpnOffered(), f.alpnSelected(),
                f.decrypted(), f.notDecrypted().map(Enum::name),
                f.notDecrypted().flatMap(r -> f.problems().stream().filter(p -> p.code().equals(r.code()))
                        .map(p -> p.subject() + ": " + p.message()).findFirst()));
    }

    static TlsSummary of(QuicClientHelloInfo q) {
        return new TlsSummary(Optional.of("TLS 1.3"), Optional.empty(), q.serverName(), q.alpn(), Optional.empty(),
                false, Optional.of(QUIC_NOT_DECRYPTED),
                Optional.of(String.format("QUIC version 0x%x: 1-RTT packets need key-log secrets", q.version())));
    }
}
