package dev.phonehome.testkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void deviceProfileDeclaresTheValuesTheCaptureSends() {
        String yaml = SampleDevice.profileYaml();
        assertThat(yaml).contains("vendor: \"phonehome sample\"", "region: \"EEA\"", "user_experience_programme: true",
                "cloud: true", "imei: \"" + SampleDevice.IMEI + "\"", "android_id: \"" + SampleDevice.ANDROID_ID + "\"",
                "- \"" + SampleDevice.HONEY + "\"");
        assertThat(yaml.getBytes(StandardCharsets.UTF_8)).doesNotContain((byte) '&', (byte) '*');
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
