package dev.phonehome.traffic.tls;

import dev.phonehome.core.Problem;
import java.util.List;
import java.util.Optional;

/**
 * What one TLS connection revealed, decrypted or not.
 *
 * @param version              negotiated version ("TLS 1.2", "TLS 1.3", ...), if a ServerHello was seen
 * @param cipherSuite          negotiated suite's IANA name (or {@code 0xNNNN}), if known
 * @param serverName           SNI sent by the client
 * @param alpnOffered          protocols offered by the client, in order
 * @param alpnSelected         protocol selected by the server
 * @param clientRandom         hex client random, the key-log lookup key; empty without a ClientHello
 * @param sessionId            hex session id offered by the client; empty if none
 * @param sessionTicketOffered the client offered a TLS 1.2 session ticket or a TLS 1.3 PSK
 * @param resumed              the server resumed a previous session (abbreviated handshake or PSK)
 * @param extendedMasterSecret both sides agreed on the extended master secret (RFC 7627)
 * @param encryptThenMac       both sides agreed on encrypt-then-MAC (RFC 7366)
 * @param helloRetryRequest    the server asked the client to retry its hello
 * @param serverCertificates   the server's chain as sent (TLS 1.2 in clear; TLS 1.3 when decrypted)
 * @param decrypted            at least one protected record was decrypted and authenticated
 * @param notDecrypted         the first reason something could not be decrypted, empty if none
 * @param alerts               alerts seen, in order
 * @param problems             coded details of failures and anomalies, in order of occurrence
 * @param clientHello          everything the client offered (suites, versions, groups), for fingerprinting
 */
public record TlsFacts(Optional<String> version, Optional<String> cipherSuite, Optional<String> serverName,
                       List<String> alpnOffered, Optional<String> alpnSelected, String clientRandom, String sessionId,
                       boolean sessionTicketOffered, boolean resumed, boolean extendedMasterSecret,
                       boolean encryptThenMac, boolean helloRetryRequest, List<CertificateInfo> serverCertificates,
                       boolean decrypted, Optional<NotDecryptedReason> notDecrypted, List<TlsAlert> alerts,
                       List<Problem> problems, Optional<ClientHello> clientHello) {
    public TlsFacts {
        alpnOffered = List.copyOf(alpnOffered);
        serverCertificates = List.copyOf(serverCertificates);
        alerts = List.copyOf(alerts);
        problems = List.copyOf(problems);
    }
}
