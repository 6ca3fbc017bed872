package dev.phonehome.core.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecialAddressesTest {
    private static InetAddress ip(String text) {
        return IpLiteral.parse(text).orElseThrow();
    }

    @ParameterizedTest
    @CsvSource({
            "192.0.2.1, DOCUMENTATION, RFC 5737", "198.51.100.200, DOCUMENTATION, RFC 5737",
            "203.0.113.9, DOCUMENTATION, RFC 5737", "2001:db8::1, DOCUMENTATION, RFC 3849",
            "3fff:0:1::1, DOCUMENTATION, RFC 9637", "10.1.2.3, LOCAL_NETWORK, RFC 1918",
            "172.31.255.255, LOCAL_NETWORK, RFC 1918", "192.168.0.1, LOCAL_NETWORK, RFC 1918",
            "100.64.0.1, LOCAL_NETWORK, RFC 6598", "100.127.255.254, LOCAL_NETWORK, RFC 6598",
            "fd12:3456::1, LOCAL_NETWORK, RFC 4193", "127.0.0.1, LOOPBACK, RFC 1122", "::1, LOOPBACK, RFC 4291",
            "169.254.1.1, LINK_LOCAL, RFC 3927", "fe80::1, LINK_LOCAL, RFC 4291", "224.0.0.251, MULTICAST, RFC 5771",
            "ff02::fb, MULTICAST, RFC 4291", "0.0.0.0, RESERVED, RFC 791", "255.255.255.255, RESERVED, RFC 1112",
            "198.19.0.1, BENCHMARKING, RFC 2544", "'::ffff:192.168.1.1', LOCAL_NETWORK, RFC 1918"})
    void specialBlocksAreNamedWithTheirRfc(String address, AddressUse use, String rfc) {
        assertThat(SpecialAddresses.of(ip(address))).hasValueSatisfying(r -> {
            assertThat(r.use()).isEqualTo(use);
            assertThat(r.reference()).isEqualTo(rfc);
        });
    }

    @ParameterizedTest
    @CsvSource({"8.8.8.8", "172.32.0.1", "100.128.0.1", "192.0.3.1", "2a00:1450:4001::1", "2001:db9::1", "fbff::1"})
    void publicAddressesAreNotSpecial(String address) {
        assertThat(SpecialAddresses.of(ip(address))).isEmpty();
    }

    @Test
    void describeNamesUseReferenceAndBlock() {
        assertThat(SpecialAddresses.of(ip("192.0.2.7")).orElseThrow().describe())
                .isEqualTo("documentation range (RFC 5737, 192.0.2.0/24)");
    }

    @Test
    void literalsAreParsedWithoutDns() {
        assertThat(IpLiteral.parse("[2001:db8::1]")).map(IpLiteral::text).hasValue("2001:db8::1");
        assertThat(IpLiteral.parse("fe80::1%wlan0")).map(IpLiteral::text).hasValue("fe80::1");
        assertThat(IpLiteral.parse("localhost")).isEmpty();
        assertThat(IpLiteral.parse("example.org")).isEmpty();
        assertThat(IpLiteral.parse("1.2.3")).isEmpty();
        assertThat(IpLiteral.parse("")).isEmpty();
        assertThat(IpLiteral.parse(null)).isEmpty();
    }

    @Test
    void prefixesRejectHostBitsAndWrongLengths() {
        assertThat(IpPrefix.parse("10.0.0.0/8")).map(IpPrefix::toString).hasValue("10.0.0.0/8");
        assertThat(IpPrefix.parse("10.0.0.1/8")).isEmpty();
        assertThat(IpPrefix.parse("10.0.0.0/33")).isEmpty();
        assertThat(IpPrefix.parse("2001:db8::/129")).isEmpty();
        assertThat(IpPrefix.parse("::ffff:10.0.0.0/104")).isEmpty();
        assertThat(IpPrefix.parse("10.0.0.0")).isEmpty();
        assertThat(IpPrefix.parse("10.0.0.0/-1")).isEmpty();
        assertThat(IpPrefix.parse("host.example/8")).isEmpty();
        assertThat(IpPrefix.parse("2001:db8::/32").orElseThrow().contains(ip("10.0.0.1"))).isFalse();
    }

    @Property
    void anyTextParsesOrIsRejectedWithoutThrowing(@ForAll String text) {
        IpLiteral.parse(text).ifPresent(a -> assertThat(IpLiteral.parse(IpLiteral.text(a))).hasValue(a));
        IpPrefix.parse(text).ifPresent(p -> assertThat(IpPrefix.parse(p.toString())).hasValue(p));
    }
}
