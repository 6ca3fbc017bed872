package dev.phonehome.traffic.pii;

import static dev.phonehome.traffic.pii.Requests.MATCHER;
import static dev.phonehome.traffic.pii.Requests.hits;
import static dev.phonehome.traffic.pii.Requests.json;
import static dev.phonehome.traffic.pii.Requests.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.phonehome.core.device.DeviceProfiles;
import dev.phonehome.core.device.PersonalDataType;
import dev.phonehome.traffic.decode.DecodedPayload;
import dev.phonehome.traffic.decode.PayloadDecoder;
import dev.phonehome.traffic.http.Header;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each kind of variant, found at the exact path of a request decoded by the real PayloadDecoder. */
class PersonalDataMatcherTest {
    private static String hex(String algorithm, String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(utf8(value)));
    }

    @Test
    void plainValuesInJsonAreFoundAtTheirLeaf() {
        List<PersonalDataHit> hits = hits(json("{\"dev\":{\"imei\":\"358240051111110\",\"imsi\":\"246011234567890\"},"
                + "\"aid\":\"9774d56d682e549c\",\"mail\":\"tester@example.org\"}"));
        assertThat(hits).extracting(PersonalDataHit::type, PersonalDataHit::form, PersonalDataHit::path,
                PersonalDataHit::profileKey, PersonalDataHit::confidence).containsExactly(
                tuple(PersonalDataType.IMEI, "plain", "body > json.dev.imei", Optional.of("imei"), HitConfidence.HIGH),
                tuple(PersonalDataType.IMSI, "plain", "body > json.dev.imsi", Optional.of("imsi"), HitConfidence.HIGH),
                tuple(PersonalDataType.ANDROID_ID, "plain", "body > json.aid", Optional.of("android_id"), HitConfidence.HIGH),
                tuple(PersonalDataType.EMAIL, "plain", "body > json.mail", Optional.of("email"), HitConfidence.HIGH));
        assertThat(hits).allSatisfy(h -> assertThat(h.exchangeId()).isEqualTo("x1"));
    }

    @Test
    void caseAndSeparatorSpellingsOfAMac() {
        List<PersonalDataHit> hits = hits(json("{\"a\":\"02:00:00:AA:BB:CC\",\"b\":\"02-00-00-aa-bb-cc\","
                + "\"c\":\"020000AABBCC\",\"d\":\"020000aabbcc\"}"));
        assertThat(hits).extracting(PersonalDataHit::path, PersonalDataHit::form).containsExactly(
                tuple("body > json.a", "upper-case"),
                tuple("body > json.b", "hyphen-separated"),
                tuple("body > json.c", "no-separator-upper-case"),
                tuple("body > json.d", "no-separator"));
        assertThat(hits).extracting(PersonalDataHit::type).containsOnly(PersonalDataType.WIFI_MAC);
    }

    @Test
    void imeiWithoutItsCheckDigitInsideLongerText() {
        List<PersonalDataHit> hits = hits(json("{\"ua\":\"device/35824005111111;build\"}"));
        assertThat(hits).singleElement().satisfies(h -> {
            assertThat(h.form()).isEqualTo("imei-without-check-digit");
            assertThat(h.path()).isEqualTo("body > json.ua");
            assertThat(h.offset()).isEqualTo(7);
            assertThat(h.matched()).isEqualTo("35824005111111");
        });
    }

    @Test
    void phoneNumberForms() {
        List<PersonalDataHit> hits = hits(json("{\"a\":\"+37060012345\",\"b\":\"37060012345\",\"c\":\"0037060012345\","
                + "\"d\":\"060012345\",\"e\":\"+370 600 12345\"}"));
        assertThat(hits).extracting(PersonalDataHit::path, PersonalDataHit::form).containsExactly(
                tuple("body > json.a", "plain"),
                tuple("body > json.b", "e164-without-plus"),
                tuple("body > json.c", "international-00"),
                tuple("body > json.d", "national"),
                tuple("body > json.e", "international-formatted"));
    }

    @Test
    void digestsInEveryEncoding() throws Exception {
        String md5 = hex("MD5", "9774d56d682e549c");
        String sha1 = hex("SHA-1", "358240051111110").toUpperCase();
        String sha256 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(utf8("tester@example.org")));
        String macMd5 = hex("MD5", "020000AABBCC").toUpperCase();
        List<PersonalDataHit> hits = hits(json("{\"h1\":\"" + md5 + "\",\"h2\":\"" + sha1 + "\",\"h3\":\"" + sha256
                + "\",\"h4\":\"" + macMd5 + "\"}"));
        assertThat(hits).extracting(PersonalDataHit::path, PersonalDataHit::type, PersonalDataHit::form).containsExactly(
                tuple("body > json.h1", PersonalDataType.ANDROID_ID, "md5-hex"),
                tuple("body > json.h2", PersonalDataType.IMEI, "sha1-hex-upper"),
                tuple("body > json.h3", PersonalDataType.EMAIL, "sha256-base64"),
                tuple("body > json.h4", PersonalDataType.WIFI_MAC, "md5-hex-upper(no-separator-upper-case)"));
    }

    @Test
    void base64AtEachAlignmentInsideTextTheDecoderLeftAlone() {
        for (int shift = 0; shift < 3; shift++) {
            String text = "x".repeat(shift) + "android_id=9774d56d682e549c&more=1";
            String encoded = Base64.getEncoder().encodeToString(utf8(text));
            // A space keeps the decoder from reading the base64 as a whole, as in a log line.
            List<PersonalDataHit> hits = hits(json("{\"log\":\"token " + encoded + " end\"}"));
            int expected = (shift + "android_id=".length()) % 3;
            assertThat(hits).as("shift %d", shift).singleElement().satisfies(h -> {
                assertThat(h.form()).isEqualTo(expected == 0 ? "base64" : "base64-shift-" + expected);
                assertThat(h.path()).isEqualTo("body > json.log");
                assertThat(h.type()).isEqualTo(PersonalDataType.ANDROID_ID);
            });
        }
    }

    @Test
    void urlEncodedValueInARawRequest() {
        String raw = "GET /t?u=" + URLEncoder.encode("tester@example.org", StandardCharsets.UTF_8) + " HTTP/1.1\r\n\r\n";
        ExchangePersonalData found = MATCHER.find("x2", nothingDecoded(), utf8(raw));
        assertThat(found.hits()).singleElement().satisfies(h -> {
            assertThat(h.form()).isEqualTo("url-encoded");
            assertThat(h.path()).isEqualTo(PersonalDataMatcher.RAW);
            assertThat(h.offset()).isEqualTo(9);
            assertThat(h.matched()).isEqualTo("tester%40example.org");
        });
    }

    @Test
    void aValueInALeafIsNotReportedAgainFromTheRawBytes() {
        String target = "/t?u=tester%40example.org&honey=my-canary-string";
        DecodedPayload payload = Requests.query(target);
        List<PersonalDataHit> hits = MATCHER.find("x3", payload, utf8("GET " + target + " HTTP/1.1\r\n\r\n")).hits();
        assertThat(hits).extracting(PersonalDataHit::path, PersonalDataHit::form).containsExactly(
                tuple("query > form:u", "plain"),
                tuple("query > form:honey", "plain"));
    }

    @Test
    void sensorsDataStyleBatchBase64GzipJsonInAForm() {
        String events = "[{\"distinct_id\":\"9774d56d682e549c\",\"properties\":{\"$model\":\"Mi 10T\","
                + "\"$device_id\":\"9774d56d682e549c\",\"imei_md5\":\"" + md5("358240051111110") + "\","
                + "\"gaid\":\"e0f556e0-b265-4211-9065-85a622906954\",\"lat\":54.6872,\"lng\":25.2797}}]";
        String dataList = Base64.getEncoder().encodeToString(Requests.gzip(utf8(events)));
        DecodedPayload payload = Requests.form("crc=1&gzip=1&data_list=" + URLEncoder.encode(dataList, StandardCharsets.UTF_8));
        List<PersonalDataHit> hits = hits(payload);
        String prefix = "body > form:data_list > base64 > gzip > json[0].";
        assertThat(hits).extracting(PersonalDataHit::path, PersonalDataHit::type, PersonalDataHit::form).containsExactly(
                tuple(prefix + "distinct_id", PersonalDataType.ANDROID_ID, "plain"),
                tuple(prefix + "properties.$device_id", PersonalDataType.ANDROID_ID, "plain"),
                tuple(prefix + "properties.imei_md5", PersonalDataType.IMEI, "md5-hex"),
                tuple(prefix + "properties.gaid", PersonalDataType.ADVERTISING_ID, "plain"),
                tuple(prefix + "properties.lat", PersonalDataType.LOCATION, "location-4-decimals"),
                tuple(prefix + "properties.lng", PersonalDataType.LOCATION, "location-4-decimals"));
    }

    @Test
    void locationFormsAndConfidence() {
        List<PersonalDataHit> hits = hits(json("{\"p\":\"54.687,25.280\",\"q\":\"54.687,25.279\","
                + "\"lat\":54687213,\"lon\":25279712}"));
        assertThat(hits).extracting(PersonalDataHit::path, PersonalDataHit::form, PersonalDataHit::confidence)
                .containsExactly(
                        tuple("body > json.p", "location-3-decimals", HitConfidence.HIGH),
                        tuple("body > json.q", "location-3-decimals-truncated", HitConfidence.HIGH),
                        tuple("body > json.lat", "location-micro-degrees", HitConfidence.HIGH),
                        tuple("body > json.lon", "location-micro-degrees", HitConfidence.HIGH));
    }

    @Test
    void aSingleCoordinateIsNotALocation() {
        assertThat(hits(json("{\"price\":54.69,\"other\":\"x\"}"))).isEmpty();
        assertThat(hits(json("{\"a\":54.69,\"b\":25.28}"))).extracting(PersonalDataHit::confidence)
                .containsOnly(HitConfidence.MEDIUM).hasSize(2);
    }

    @Test
    void valuesInBinaryLeavesAreSearchedAsBytes() {
        byte[] body = new byte[40];
        byte[] honey = utf8("my-canary-string");
        System.arraycopy(honey, 0, body, 11, honey.length);
        body[0] = (byte) 0xff;
        DecodedPayload payload = new PayloadDecoder().decode("/b",
                List.of(new Header("Content-Type", "application/octet-stream")), body);
        assertThat(hits(payload)).extracting(PersonalDataHit::path, PersonalDataHit::offset, PersonalDataHit::form)
                .contains(tuple("body", 11L, "plain"));
    }

    @Test
    void sameInputGivesTheSameHits() {
        String body = "{\"a\":\"+37060012345\",\"b\":\"" + md5("my-canary-string") + "\",\"c\":\"x 35824005111111\"}";
        assertThat(hits(json(body))).isEqualTo(hits(json(body))).isNotEmpty();
    }

    @Test
    void shortProfileValuesAreNotSearchedAndSaySo() {
        PersonalDataMatcher m = PersonalDataMatcher.of(DeviceProfiles.parse("d.yaml",
                "honey: [\"abc\", \"long-enough\"]\n"));
        assertThat(m.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("pii.value.too-short");
            assertThat(p.subject()).isEqualTo("honey[0]");
        });
        assertThat(m.find("x", json("{\"v\":\"abc long-enough\"}"), new byte[0]).hits())
                .extracting(PersonalDataHit::matched).containsExactly("long-enough");
    }

    private static String md5(String v) {
        try {
            return hex("MD5", v);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static DecodedPayload nothingDecoded() {
        return new DecodedPayload(List.of(), List.of(), List.of());
    }
}
