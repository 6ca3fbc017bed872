package dev.phonehome.traffic.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class EndpointTest {
    static Endpoint at(byte[] address, int port) throws UnknownHostException {
        return new Endpoint(InetAddress.getByAddress(address), port);
    }

    @Test
    void endpointsFromEqualBytesAreEqualHashKeys() throws UnknownHostException {
        Endpoint a = at(new byte[] {127, 0, 3, 1}, 443);
        Endpoint b = at(new byte[] {127, 0, 3, 1}, 443);
        assertThat(a).isNotSameAs(b).isEqualTo(b).hasSameHashCodeAs(b);
        byte[] v6 = new byte[16];
        v6[15] = 1;
        assertThat(at(v6, 80)).isEqualTo(at(v6.clone(), 80)).hasSameHashCodeAs(at(v6.clone(), 80));
    }

    @Test
    void portAddressAndFamilyEachMakeADifferentEndpoint() throws UnknownHostException {
        Endpoint a = at(new byte[] {127, 0, 3, 1}, 443);
        byte[] v6 = new byte[16];
        v6[15] = 1;
        assertThat(a).isNotEqualTo(at(new byte[] {127, 0, 3, 1}, 444))
                .isNotEqualTo(at(new byte[] {127, 0, 3, 2}, 443))
                .isNotEqualTo(at(v6, 443))
                .isNotEqualTo(null)
                .isNotEqualTo("127.0.3.1:443");
        assertThat(at(new byte[] {(byte) 255, (byte) 255, (byte) 255, (byte) 255}, 0xFFFF))
                .isEqualTo(at(new byte[] {(byte) 255, (byte) 255, (byte) 255, (byte) 255}, 0xFFFF));
    }
}
