/**
 * The traffic pipeline: a capture (pcap, pcapng or HAR) in, a {@link dev.phonehome.traffic.flow.TrafficReport}
 * of connections and decrypted HTTP exchanges out.
 *
 * <p>{@link dev.phonehome.traffic.flow.TrafficAnalyzer} streams packets through
 * {@link dev.phonehome.traffic.net.PacketDecoder}; each TCP connection gets a stack of layers
 * chosen from its first client bytes ({@link dev.phonehome.traffic.flow.ProtocolSniffer}): TLS
 * ({@link dev.phonehome.traffic.tls.TlsConnection}) whose plaintext is sniffed again, HTTP
 * ({@link dev.phonehome.traffic.http.HttpConnectionParser}) whose CONNECT tunnels are sniffed
 * again, or an opaque byte counter. UDP datagrams give QUIC Initial server names; DNS answers
 * name destinations that carry neither SNI nor Host. Exchanges can be consumed one by one, so
 * memory does not depend on the size of the capture.
 */
package dev.phonehome.traffic.flow;
