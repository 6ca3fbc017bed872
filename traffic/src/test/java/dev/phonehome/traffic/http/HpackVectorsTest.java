package dev.phonehome.traffic.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 7541 Appendix C examples through {@link HpackBlockDecoder}. */
class HpackVectorsTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private static final String C51_DATE = "Mon, 21 Oct 2013 20:13:21 GMT";
    private static final String C53_DATE = "Mon, 21 Oct 2013 20:13:22 GMT";
    private static final String COOKIE = "foo=ASDJKHQKBZXOQWEOPIUAXQWEOIU; max-age=3600; version=1";

    private static void requests(String first, String second, String third) throws Http2Exception {
        HpackBlockDecoder d = new HpackBlockDecoder(65536);
        HeaderBlock b1 = d.decode(hex(first), 1, 0);
        assertThat(b1.request()).isTrue();
        assertThat(b1.method()).isEqualTo("GET");
        assertThat(b1.scheme()).isEqualTo("http");
        assertThat(b1.path()).isEqualTo("/");
        assertThat(b1.authority()).isEqualTo("www.example.com");
        HeaderBlock b2 = d.decode(hex(second), 3, 0);
        assertThat(b2.authority()).isEqualTo("www.example.com");
        assertThat(b2.headers()).containsExactly(new Header("cache-control", "no-cache"));
        HeaderBlock b3 = d.decode(hex(third), 5, 0);
        assertThat(b3.scheme()).isEqualTo("https");
        assertThat(b3.path()).isEqualTo("/index.html");
        assertThat(b3.authority()).isEqualTo("www.example.com");
        assertThat(b3.headers()).containsExactly(new Header("custom-key", "custom-value"));
    }

    @Test
    void c3RequestsWithoutHuffman() throws Http2Exception {
        requests("8286 8441 0f77 7777 2e65 7861 6d70 6c65 2e63 6f6d",
                "8286 84be 5808 6e6f 2d63 6163 6865",
                "8287 85bf 400a 6375 7374 6f6d 2d6b 6579 0c63 7573 746f 6d2d 7661 6c75 65");
    }

    @Test
    void c4RequestsWithHuffman() throws Http2Exception {
        requests("8286 8441 8cf1 e3c2 e5f2 3a6b a0ab 90f4 ff",
                "8286 84be 5886 a8eb 1064 9cbf",
                "8287 85bf 4088 25a8 49e9 5ba9 7d7f 8925 a849 e95b b8e8 b4bf");
    }

    /** The examples assume a 256-byte table: a size update (0x3fe101) announces it first, as an encoder would. */
    private static void responses(String first, String second, String third) throws Http2Exception {
        HpackBlockDecoder d = new HpackBlockDecoder(65536);
        d.tableCapacity(256);
        HeaderBlock b1 = d.decode(hex("3fe101" + first.replace(" ", "")), 1, 0);
        assertThat(b1.status()).isEqualTo(302);
        assertThat(b1.headers()).containsExactly(new Header("cache-control", "private"), new Header("date", C51_DATE),
                new Header("location", "https://www.example.com"));
        HeaderBlock b2 = d.decode(hex(second), 3, 0);
        assertThat(b2.status()).isEqualTo(307);
        assertThat(b2.headers()).containsExactly(new Header("cache-control", "private"), new Header("date", C51_DATE),
                new Header("location", "https://www.example.com"));
        HeaderBlock b3 = d.decode(hex(third), 5, 0);
        assertThat(b3.status()).isEqualTo(200);
        assertThat(b3.headers()).containsExactly(new Header("cache-control", "private"), new Header("date", C53_DATE),
                new Header("location", "https://www.example.com"), new Header("content-encoding", "gzip"),
                new Header("set-cookie", COOKIE));
        // After C.5.3 / C.6.3 eviction leaves three entries: 62 set-cookie, 63 content-encoding, 64 date.
        HeaderBlock refs = d.decode(hex("88 be bf c0"), 7, 0);
        assertThat(refs.headers()).isEqualTo(List.of(new Header("set-cookie", COOKIE),
                new Header("content-encoding", "gzip"), new Header("date", C53_DATE)));
        assertThatThrownBy(() -> d.decode(hex("88 c1"), 9, 0)).isInstanceOf(Http2Exception.class);
    }

    @Test
    void c5ResponsesWithEvictionWithoutHuffman() throws Http2Exception {
        responses("4803 3330 3258 0770 7269 7661 7465 611d 4d6f 6e2c 2032 3120 4f63 7420 3230 3133 2032 303a 3133 3a32"
                        + " 3120 474d 546e 1768 7474 7073 3a2f 2f77 7777 2e65 7861 6d70 6c65 2e63 6f6d",
                "4803 3330 37c1 c0bf",
                "88c1 611d 4d6f 6e2c 2032 3120 4f63 7420 3230 3133 2032 303a 3133 3a32 3220 474d 54c0 5a04 677a 6970"
                        + " 7738 666f 6f3d 4153 444a 4b48 514b 425a 584f 5157 454f 5049 5541 5851 5745 4f49 553b 206d"
                        + " 6178 2d61 6765 3d33 3630 303b 2076 6572 7369 6f6e 3d31");
    }

    @Test
    void c6ResponsesWithEvictionWithHuffman() throws Http2Exception {
        responses("4882 6402 5885 aec3 771a 4b61 96d0 7abe 9410 54d4 44a8 2005 9504 0b81 66e0 82a6 2d1b ff6e 919d 29ad"
                        + " 1718 63c7 8f0b 97c8 e9ae 82ae 43d3",
                "4883 640e ffc1 c0bf",
                "88c1 6196 d07a be94 1054 d444 a820 0595 040b 8166 e084 a62d 1bff c05a 839b d9ab 77ad 94e7 821d d7f2"
                        + " e6c7 b335 dfdf cd5b 3960 d5af 2708 7f36 72c1 ab27 0fb5 291f 9587 3160 65c0 03ed 4ee5 b106"
                        + " 3d50 07");
    }
}
