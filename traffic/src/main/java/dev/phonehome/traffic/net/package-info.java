/**
 * From frames to flows: link layers, IPv4/IPv6 with fragment reassembly, TCP stream
 * reassembly ({@link dev.phonehome.traffic.net.TcpStreamListener}), UDP datagrams and the DNS
 * answers that name destinations ({@link dev.phonehome.traffic.net.DnsNames}), all behind
 * {@link dev.phonehome.traffic.net.PacketDecoder}. Memory is bounded by named limits
 * whatever the capture.
 */
package dev.phonehome.traffic.net;
