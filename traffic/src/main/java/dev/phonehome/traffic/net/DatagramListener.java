package dev.phonehome.traffic.net;

/** Receives UDP datagrams in capture order. */
@FunctionalInterface
public interface DatagramListener {
    void onDatagram(Datagram datagram);
}
