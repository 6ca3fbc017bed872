/**
 * Passive TLS 1.2/1.3 decryption from key-log secrets: an incremental record layer, handshake
 * parsing (ClientHello, ServerHello, certificates), record protection for the common AEAD and
 * CBC suites, and QUIC Initial packet decoding for SNI/ALPN.
 *
 * <p>Entry points: {@link dev.phonehome.traffic.tls.TlsConnection} for one TCP connection and
 * {@link dev.phonehome.traffic.tls.QuicInitial} for one UDP datagram.
 */
package dev.phonehome.traffic.tls;
