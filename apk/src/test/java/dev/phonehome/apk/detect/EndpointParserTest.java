package dev.phonehome.apk.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class EndpointParserTest {
    private static List<String> texts(String input) {
        return EndpointParser.find(input).stream().map(Endpoint::text).toList();
    }

    @Test
    void normalisesUrlsAndKeepsTheRegistrableDomain() {
        List<Endpoint> found = EndpointParser.find("see HTTPS://User@API.Ad.Xiaomi.COM:443/config/x?imei=1#f now");
        assertThat(found).singleElement().satisfies(e -> {
            assertThat(e.text()).isEqualTo("https://api.ad.xiaomi.com/config/x");
            assertThat(e.domain()).isEqualTo("xiaomi.com");
            assertThat(e.cleartext()).isFalse();
        });
        assertThat(EndpointParser.find("http://cdn.example.co.uk:8080/").get(0))
                .satisfies(e -> {
                    assertThat(e.domain()).isEqualTo("example.co.uk");
                    assertThat(e.port()).isEqualTo(8080);
                    assertThat(e.cleartext()).isTrue();
                });
    }

    @Test
    void findsBareHostsAndIpLiterals() {
        assertThat(texts("log.umeng.com")).containsExactly("log.umeng.com");
        assertThat(texts("tracking.miui.com/track/v4")).containsExactly("tracking.miui.com/track/v4");
        assertThat(texts("8.8.4.4:53")).containsExactly("8.8.4.4:53");
        assertThat(texts("cn.bing.com")).containsExactly("cn.bing.com");
        assertThat(texts("http://[2001:db8::1]:8443/x")).containsExactly("http://[2001:db8::1]:8443/x");
        assertThat(EndpointParser.find("114.114.114.114").get(0).domain()).isEqualTo("114.114.114.114");
    }

    @Test
    void packageNamesClassNamesAndFileNamesAreNotHosts() {
        assertThat(texts("com.example.Foo")).isEmpty();
        assertThat(texts("com.example.app")).isEmpty();
        assertThat(texts("com.android.internal.app")).isEmpty();
        assertThat(texts("com.facebook.ads")).isEmpty();
        assertThat(texts("android.intent.action.VIEW")).isEmpty();
        assertThat(texts("android.intent.action.view")).isEmpty();
        assertThat(texts("ro.build.id")).isEmpty();
        assertThat(texts("persist.sys.locale")).isEmpty();
        assertThat(texts("user.name")).isEmpty();
        assertThat(texts("os.name")).isEmpty();
        assertThat(texts("http.agent")).isEmpty();
        assertThat(texts("icon.png")).isEmpty();
        assertThat(texts("libmain.so")).isEmpty();
        assertThat(texts("main.py")).isEmpty();
        assertThat(texts("README.md")).isEmpty();
        assertThat(texts("Foo.java")).isEmpty();
        assertThat(texts("a.b")).isEmpty();
        assertThat(texts("org.json.JSONObject")).isEmpty();
    }

    @Test
    void versionsLocalAddressesAndNamespacesAreNotEndpoints() {
        assertThat(texts("1.2.3")).isEmpty();
        assertThat(texts("1.2.3.4")).isEmpty();
        assertThat(texts("8.8.4.4")).isEmpty();
        assertThat(texts("version 12.0.10")).isEmpty();
        assertThat(texts("http://localhost:8080/x")).isEmpty();
        assertThat(texts("http://127.0.0.1/")).isEmpty();
        assertThat(texts("0.0.0.0")).isEmpty();
        assertThat(texts("http://schemas.android.com/apk/res/android")).isEmpty();
        assertThat(texts("https://%s/path")).isEmpty();
        assertThat(texts("http://host.invalidtld/")).isEmpty();
        assertThat(texts("http://x.com:99999/")).isEmpty();
    }

    @Test
    void urlsInsideLongerTextAreNotAlsoReadAsBareHosts() {
        assertThat(texts("{\"url\":\"https://log.umeng.com/a\",\"backup\":\"alog.umeng.com\"}"))
                .containsExactly("https://log.umeng.com/a", "alog.umeng.com");
    }

    @Property(tries = 300)
    void neverThrowsOnArbitraryText(@ForAll String text) {
        assertThat(EndpointParser.find(text + ".com http://" + text)).isNotNull();
    }
}
