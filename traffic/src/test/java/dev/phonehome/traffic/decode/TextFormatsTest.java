package dev.phonehome.traffic.decode;

import static dev.phonehome.traffic.decode.Payloads.body;
import static dev.phonehome.traffic.decode.Payloads.paths;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.traffic.http.Header;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Query strings, forms, JSON and NDJSON: what they decode to, what they leave alone, and exact paths. */
class TextFormatsTest {
    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void queryKeepsRepeatedKeysInOrderAndPercentDecodes() {
        DecodedPayload d = new PayloadDecoder().decode("/track?id=1&id=2&q=a+b%20c%C3%A9&empty=#frag", List.of(), new byte[0]);
        assertThat(d.values()).containsExactly(
                new DecodedValue("query > form:id[0]", "1", ValueKind.STRING),
                new DecodedValue("query > form:id[1]", "2", ValueKind.STRING),
                new DecodedValue("query > form:q", "a b cé", ValueKind.STRING),
                new DecodedValue("query > form:empty", "", ValueKind.STRING));
    }

    @Test
    void malformedPercentEscapesStayLiteral() {
        DecodedPayload d = body(Payloads.utf8("a=%zz%4&b=%"), FORM);
        assertThat(d.values()).extracting(DecodedValue::value).containsExactly("%zz%4", "%");
        assertThat(d.problems()).isEmpty();
    }

    @Test
    void nonUtf8FormValueIsBytes() {
        DecodedPayload d = body(Payloads.utf8("k=%ff%fe"), FORM);
        assertThat(d.values()).containsExactly(new DecodedValue("body > form:k", "fffe", ValueKind.BYTES));
    }

    @Test
    void jsonMislabelledAsAFormIsReadAsJson() {
        DecodedPayload d = body(Payloads.utf8("{\"imei\":\"358240051111110\"}"), FORM);
        assertThat(d.values()).containsExactly(new DecodedValue("body > json.imei", "358240051111110", ValueKind.STRING));
    }

    @Test
    void ordinaryTextIsOneStringLeaf() {
        DecodedPayload d = body("hello android, the quick brown fox");
        assertThat(d.values()).containsExactly(
                new DecodedValue("body", "hello android, the quick brown fox", ValueKind.STRING));
        assertThat(d.layers()).isEmpty();
    }

    @Test
    void jsonPathsQuoteOddKeysAndIndexArrays() {
        DecodedPayload d = body(Payloads.utf8("{\"a\":[1,{\"b c\":true}],\"$m\":null,\"e\":{},\"f\":[],\"n\":1.50}"),
                "application/json");
        assertThat(d.values()).containsExactly(
                new DecodedValue("body > json.a[0]", "1", ValueKind.NUMBER),
                new DecodedValue("body > json.a[1][\"b c\"]", "true", ValueKind.BOOLEAN),
                new DecodedValue("body > json.$m", "null", ValueKind.NULL),
                new DecodedValue("body > json.e", "{}", ValueKind.EMPTY),
                new DecodedValue("body > json.f", "[]", ValueKind.EMPTY),
                new DecodedValue("body > json.n", "1.50", ValueKind.NUMBER));
    }

    @Test
    void jsonInsideAStringIsOpened() {
        DecodedPayload d = body("{\"payload\":\"{\\\"imei\\\":\\\"358240051111110\\\"}\"}");
        assertThat(d.values()).containsExactly(
                new DecodedValue("body > json.payload > json.imei", "358240051111110", ValueKind.STRING));
    }

    @Test
    void duplicateKeysAreBothKept() {
        assertThat(paths(body("{\"a\":1,\"a\":2}"))).containsExactly("body > json.a", "body > json.a");
    }

    @Test
    void badJsonIsRecordedAndKeptRaw() {
        DecodedPayload d = body("{\"a\": tru}");
        assertThat(d.values()).containsExactly(new DecodedValue("body", "{\"a\": tru}", ValueKind.STRING));
        assertThat(d.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("decode.failed");
            assertThat(p.subject()).isEqualTo("body");
            assertThat(p.message()).startsWith("json: json at offset ");
        });
    }

    @Test
    void jsonNestedBeyondTheLimitIsRefused() {
        String deep = "[".repeat(JsonDecoder.MAX_NESTING + 1) + "]".repeat(JsonDecoder.MAX_NESTING + 1);
        DecodedPayload d = body(deep);
        assertThat(d.values()).singleElement().extracting(DecodedValue::path).isEqualTo("body");
        assertThat(d.problems()).extracting(p -> p.code()).containsExactly("decode.failed");
    }

    @Test
    void ndjsonBatchIsOneJsonPerLine() {
        DecodedPayload d = body("{\"e\":\"open\"}\n\n{\"e\":\"close\",\"n\":2}\n");
        assertThat(d.values()).containsExactly(
                new DecodedValue("body > ndjson[0] > json.e", "open", ValueKind.STRING),
                new DecodedValue("body > ndjson[1] > json.e", "close", ValueKind.STRING),
                new DecodedValue("body > ndjson[1] > json.n", "2", ValueKind.NUMBER));
    }

    @Test
    void prettyPrintedJsonIsNotNdjson() {
        assertThat(paths(body("[\n  {\"a\": 1},\n  {\"b\": 2}\n]"))).containsExactly("body > json[0].a", "body > json[1].b");
    }

    @Test
    void headersOpenCookiesCredentialsAndEncodedCustomValues() {
        String jwt = "eyJhbGciOiJIUzI1NiJ9." + Payloads.base64(Payloads.utf8("{\"sub\":\"u1\"}")).replace("=", "")
                + ".c2lnbmF0dXJl";
        List<Header> headers = List.of(
                new Header("Cookie", "sid=abc; theme=\"dark\"; sid=def"),
                new Header("Authorization", "Bearer " + jwt),
                new Header("X-Device", Payloads.base64(Payloads.utf8("{\"android_id\":\"9774d56d682e549c\"}"))),
                new Header("User-Agent", "Dalvik/2.1.0"));
        DecodedPayload d = new PayloadDecoder().decode("/", headers, new byte[0]);
        assertThat(d.values()).containsExactly(
                new DecodedValue("header:Cookie > cookie:sid[0]", "abc", ValueKind.STRING),
                new DecodedValue("header:Cookie > cookie:theme", "dark", ValueKind.STRING),
                new DecodedValue("header:Cookie > cookie:sid[1]", "def", ValueKind.STRING),
                new DecodedValue("header:Authorization > bearer > jwt:header > json.alg", "HS256", ValueKind.STRING),
                new DecodedValue("header:Authorization > bearer > jwt:payload > json.sub", "u1", ValueKind.STRING),
                new DecodedValue("header:X-Device > base64 > json.android_id", "9774d56d682e549c", ValueKind.STRING),
                new DecodedValue("header:User-Agent", "Dalvik/2.1.0", ValueKind.STRING));
    }

    @Test
    void basicCredentialsAreDecoded() {
        DecodedPayload d = new PayloadDecoder().decode("/", List.of(new Header("Authorization", "Basic dXNlcjpzZWNyZXQ=")),
                new byte[0]);
        assertThat(d.values()).containsExactly(
                new DecodedValue("header:Authorization > basic > base64", "user:secret", ValueKind.STRING));
    }

    @Test
    void multipartPartsAreNamedAndCarryTheirOwnContentType() {
        String mp = "--XyZ\r\nContent-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json\r\n\r\n"
                + "{\"model\":\"M2007J3SG\"}\r\n--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n"
                + "hi\r\n--XyZ--\r\n";
        DecodedPayload d = body(Payloads.utf8(mp), "multipart/form-data; boundary=\"XyZ\"");
        assertThat(d.values()).containsExactly(
                new DecodedValue("body > multipart:meta > json.model", "M2007J3SG", ValueKind.STRING),
                new DecodedValue("body > multipart:note", "hi", ValueKind.STRING));
    }

    @Test
    void multipartWithoutClosingBoundaryIsKeptRaw() {
        String mp = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\ncut here";
        DecodedPayload d = body(Payloads.utf8(mp), "multipart/form-data; boundary=XyZ");
        assertThat(paths(d)).containsExactly("body");
        assertThat(d.problems()).extracting(p -> p.message()).singleElement().asString().contains("no closing boundary");
    }

    @Test
    void jwtShapeIsRequired() {
        assertThat(body("eyJhbGciOiJub25lIn0").layers()).doesNotContain("jwt");
    }
}
