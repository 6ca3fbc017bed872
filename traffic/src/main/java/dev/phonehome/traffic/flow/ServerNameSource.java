package dev.phonehome.traffic.flow;

/** Where a connection's server name came from, strongest first. */
public enum ServerNameSource {
    /** The TLS (or QUIC) ClientHello's server_name extension. */
    SNI,
    /** The HTTP Host header or HTTP/2 :authority of a request on the connection. */
    HOST,
    /** A DNS answer seen earlier in the capture resolved a name to the server's address. */
    DNS,
    /** A HAR entry's request URL. */
    HAR
}
