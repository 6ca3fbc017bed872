package dev.phonehome.testkit.capture;

import org.bouncycastle.tls.ProtocolVersion;

/** The TLS versions the in-memory pair negotiates. */
public enum TlsVersion {
    TLS_1_2(ProtocolVersion.TLSv12),
    TLS_1_3(ProtocolVersion.TLSv13);

    final ProtocolVersion protocol;

    TlsVersion(ProtocolVersion protocol) {
        this.protocol = protocol;
    }
}
