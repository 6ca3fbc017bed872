package dev.phonehome.traffic.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProtocolSnifferTest {
    @Test
    void requestLinesAndThePrefaceLookLikeHttp() {
        assertThat(http("GET / HTTP/1.1")).isTrue();
        assertThat(http("PROPFIND /x")).isTrue();
        assertThat(http("PRI * HTTP/2.0")).isTrue();
    }

    @Test
    void otherProtocolsDoNot() {
        assertThat(http("SSH-2.0-OpenSSH")).isFalse();
        assertThat(http("get / HTTP/1.1")).isFalse();
        assertThat(http(" GET /")).isFalse();
        assertThat(http("GET")).isFalse();
        assertThat(ProtocolSniffer.looksLikeHttp(new byte[] {0x16, 0x03, 0x01, 0, 5}, 5)).isFalse();
    }

    private static boolean http(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        int n = Math.min(b.length, ProtocolSniffer.SNIFF_BYTES);
        return ProtocolSniffer.looksLikeHttp(b, n);
    }
}
