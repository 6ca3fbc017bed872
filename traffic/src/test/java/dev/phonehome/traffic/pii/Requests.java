package dev.phonehome.traffic.pii;

import dev.phonehome.core.device.DeviceProfile;
import dev.phonehome.core.device.DeviceProfiles;
import dev.phonehome.traffic.decode.DecodedPayload;
import dev.phonehome.traffic.decode.PayloadDecoder;
import dev.phonehome.traffic.http.Header;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Requests built in code and decoded by the real {@link PayloadDecoder}, and the profile they are matched against. */
final class Requests {
    static final String PROFILE_YAML = """
            vendor: "phonehome test"
            imei: "358240051111110"
            imsi: "246011234567890"
            phone: "+37060012345"
            android_id: "9774d56d682e549c"
            advertising_id: "e0f556e0-b265-4211-9065-85a622906954"
            wifi_mac: "02:00:00:aa:bb:cc"
            email: "tester@example.org"
            location: "54.687213,25.279712"
            honey: ["my-canary-string"]
            """;
    static final DeviceProfile PROFILE = DeviceProfiles.parse("device.yaml", PROFILE_YAML);
    static final PersonalDataMatcher MATCHER = PersonalDataMatcher.of(PROFILE);

    private static final PayloadDecoder DECODER = new PayloadDecoder();

    private Requests() {
    }

    static DecodedPayload json(String json) {
        return DECODER.decode("/collect", List.of(new Header("Content-Type", "application/json")), utf8(json));
    }

    static DecodedPayload form(String form) {
        return DECODER.decode("/collect", List.of(new Header("Content-Type", "application/x-www-form-urlencoded")),
                utf8(form));
    }

    static DecodedPayload query(String target) {
        return DECODER.decode(target, List.of(), new byte[0]);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Hits of the profile matcher in a request that has no raw bytes of its own. */
    static List<PersonalDataHit> hits(DecodedPayload payload) {
        return MATCHER.find("x1", payload, new byte[0]).hits();
    }
}
