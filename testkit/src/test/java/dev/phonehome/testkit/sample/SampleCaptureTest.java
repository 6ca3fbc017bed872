package dev.phonehome.testkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCaptureTest {
    @TempDir
    Path dir;

    @Test
    void generatingTwiceGivesIdenticalBytes() throws Exception {
        Path first = Files.createDirectory(dir.resolve("first"));
        Path second = Files.createDirectory(dir.resolve("second"));
        SampleCapture.write(first);
        SampleCapture.write(second);
        for (String name : new String[] {SampleCapture.CAPTURE, SampleCapture.OPT_OUT_CAPTURE, SampleCapture.DEVICE_PROFILE}) {
            assertThat(Files.readAllBytes(second.resolve(name))).as(name).isEqualTo(Files.readAllBytes(first.resolve(name)));
        }
        assertThat(Files.size(first.resolve(SampleCapture.OPT_OUT_CAPTURE)))
                .isLessThan(Files.size(first.resolve(SampleCapture.CAPTURE)));
    }

    @Test
    void deviceProfileHasTheDesignKeysWithTheValuesTheCaptureSends() throws Exception {
        Map<String, Object> profile = new YAMLMapper().readValue(SampleDevice.profileYaml(),
                new TypeReference<LinkedHashMap<String, Object>>() { });
        assertThat(profile).containsOnlyKeys("vendor", "model", "build", "region", "consent", "imei", "imsi",
                "android_id", "advertising_id", "phone", "email", "wifi_mac", "location", "honey");
        assertThat(profile).containsEntry("vendor", "phonehome sample").containsEntry("region", "EEA")
                .containsEntry("consent", Map.of("user_experience_programme", true, "cloud", true))
                .containsEntry("imei", SampleDevice.IMEI).containsEntry("android_id", SampleDevice.ANDROID_ID)
                .containsEntry("advertising_id", SampleDevice.ADVERTISING_ID).containsEntry("location", "54.6872,25.2797")
                .containsEntry("honey", List.of(SampleDevice.HONEY));
        // Values are quoted, so an IMEI or IMSI never turns into a number that loses its leading digits.
        assertThat(SampleDevice.profileYaml()).contains("imsi: \"001010123456789\"");
    }

    @Test
    void sampleImeiPassesTheLuhnCheck() {
        int sum = 0;
        String imei = SampleDevice.IMEI;
        for (int i = 0; i < imei.length(); i++) {
            int digit = imei.charAt(imei.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        assertThat(imei).hasSize(15);
        assertThat(sum % 10).isZero();
    }
}
