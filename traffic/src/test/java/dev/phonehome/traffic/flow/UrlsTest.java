package dev.phonehome.traffic.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlsTest {
    @Test
    void joinsOriginFormAndKeepsAbsoluteForm() {
        assertThat(Urls.of("https", "a.example:8443", "/p?q=1")).isEqualTo("https://a.example:8443/p?q=1");
        assertThat(Urls.of("http", "proxy", "http://b.example/x")).isEqualTo("http://b.example/x");
        assertThat(Urls.of("https", "c.example:443", "c.example:443")).isEqualTo("https://c.example:443/");
        assertThat(Urls.of("https", "d.example", "*")).isEqualTo("https://d.example/");
    }

    @Test
    void takesHostPortAndPathApart() {
        assertThat(Urls.host("https://user@API.Example.com:8443/a?b#c")).isEqualTo("api.example.com");
        assertThat(Urls.host("http://[2001:db8::1]:80/")).isEqualTo("2001:db8::1");
        assertThat(Urls.port("https://[2001:db8::1]/")).isEqualTo(443);
        assertThat(Urls.port("http://x:8080/")).isEqualTo(8080);
        assertThat(Urls.port("http://x:99999/")).isEqualTo(80);
        assertThat(Urls.pathAndQuery("https://x?y=1")).isEqualTo("/?y=1");
        assertThat(Urls.pathAndQuery("https://x/a/b?c#frag")).isEqualTo("/a/b?c");
        assertThat(Urls.pathAndQuery("https://x")).isEqualTo("/");
    }
}
