package dev.phonehome.traffic.flow;

/** What a connection carried, as far as the analysis could tell. */
public enum Protocol {
    /** HTTP in clear text. */
    HTTP,
    /** HTTP inside TLS, decrypted. */
    HTTPS,
    /** TLS that was not (or not entirely) decrypted, or decrypted but not HTTP. */
    TLS,
    /** QUIC: only the Initial packets (server name) can be read without 1-RTT secrets. */
    QUIC,
    /** Neither TLS nor HTTP. */
    OTHER,
    /** The client sent no payload. */
    NONE
}
