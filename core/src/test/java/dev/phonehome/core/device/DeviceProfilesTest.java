package dev.phonehome.core.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phonehome.core.Problem;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A complete device.yaml, every key optional, normalisation, and warnings for values that look wrong. */
class DeviceProfilesTest {
    static final String FULL = """
            vendor: "Xiaomi"
            model: "Mi 10T 5G"
            build: "MIUI Global 12.0.10"
            region: "EEA"
            consent: { user_experience_programme: true, cloud: false }
            imei: ["358240051111110", "35-824005-111112-8"]
            imei2: "490154203237518"
            meid: "A0000012345678"
            imsi: "246011234567890"
            iccid: "89370012345678901238"
            phone: "+37060012345"
            serial: "R58M123ABC"
            android_id: "9774D56D682E549C"
            advertising_id: "e0f556e0-b265-4211-9065-85a622906954"
            oaid: "0f3e4f6a-1b2c-4d5e-8f90-a1b2c3d4e5f6"
            wifi_mac: "AA-BB-CC-11-22-33"
            bt_mac: "aabbcc112234"
            email: "tester@example.org"
            accounts: ["tester@example.org", "tester_handle"]
            location: "54.687213, 25.279712"
            honey: ["my-canary-string", "second canary"]
            """;

    @Test
    void everyKeyIsReadAndNormalised() {
        DeviceProfile p = DeviceProfiles.parse("device.yaml", FULL);
        assertThat(p.vendor()).contains("Xiaomi");
        assertThat(p.model()).contains("Mi 10T 5G");
        assertThat(p.build()).contains("MIUI Global 12.0.10");
        assertThat(p.region()).contains("EEA");
        assertThat(p.consent()).containsExactly(Map.entry("cloud", false), Map.entry("user_experience_programme", true));
        DeviceIdentifiers ids = p.identifiers();
        assertThat(ids.imei()).containsExactly("358240051111110", "358240051111128", "490154203237518");
        assertThat(ids.meid()).contains("a0000012345678");
        assertThat(ids.imsi()).contains("246011234567890");
        assertThat(ids.iccid()).contains("89370012345678901238");
        assertThat(ids.phone()).contains("+37060012345");
        assertThat(ids.serial()).contains("R58M123ABC");
        assertThat(ids.androidId()).contains("9774d56d682e549c");
        assertThat(ids.advertisingId()).contains("e0f556e0-b265-4211-9065-85a622906954");
        assertThat(ids.oaid()).contains("0f3e4f6a-1b2c-4d5e-8f90-a1b2c3d4e5f6");
        assertThat(ids.wifiMac()).contains("aa:bb:cc:11:22:33");
        assertThat(ids.btMac()).contains("aa:bb:cc:11:22:34");
        assertThat(ids.email()).contains("tester@example.org");
        assertThat(ids.accounts()).containsExactly("tester@example.org", "tester_handle");
        assertThat(ids.location()).contains(new GeoPoint(new BigDecimal("54.687213"), new BigDecimal("25.279712")));
        assertThat(ids.honey()).containsExactly("my-canary-string", "second canary");
        assertThat(p.warnings()).isEmpty();
    }

    @Test
    void valuesNameTheKeyTheyCameFrom() {
        List<ProfileValue> values = DeviceProfiles.parse("device.yaml", FULL).identifiers().values();
        assertThat(values).extracting(ProfileValue::key).startsWith("imei", "imei2", "imei3", "meid")
                .contains("honey[1]", "accounts[0]", "wifi_mac");
        assertThat(values).filteredOn(v -> v.key().equals("honey[1]")).singleElement()
                .isEqualTo(new ProfileValue("honey[1]", PersonalDataType.HONEY, "second canary"));
    }

    @Test
    void everyKeyIsOptional() {
        assertThat(DeviceProfiles.parse("empty.yaml", "")).isEqualTo(DeviceProfile.EMPTY);
        assertThat(DeviceProfiles.parse("comments.yaml", "# nothing known\n")).isEqualTo(DeviceProfile.EMPTY);
        DeviceProfile onlyHoney = DeviceProfiles.parse("h.yaml", "honey: canary-123456\n");
        assertThat(onlyHoney.identifiers().honey()).containsExactly("canary-123456");
        assertThat(onlyHoney.vendor()).isEmpty();
        assertThat(onlyHoney.consent()).isEmpty();
        assertThat(onlyHoney.identifiers().imei()).isEmpty();
    }

    @Test
    void emptyAndNullValuesAreAbsent() {
        DeviceProfile p = DeviceProfiles.parse("d.yaml", "imei2: \"\"\niccid:\nserial: ~\nconsent:\n");
        assertThat(p).isEqualTo(DeviceProfile.EMPTY);
    }

    @Test
    void unquotedNumbersKeepTheirDigits() {
        DeviceProfile p = DeviceProfiles.parse("d.yaml", "imei: 358240051111110\nimsi: 001010000000001\n");
        assertThat(p.identifiers().imei()).containsExactly("358240051111110");
        assertThat(p.identifiers().imsi()).contains("001010000000001");
    }

    @Test
    void anImeiFailingLuhnIsKeptWithAWarning() {
        DeviceProfile p = DeviceProfiles.parse("d.yaml", "imei: \"358240051111111\"\n");
        assertThat(p.identifiers().imei()).containsExactly("358240051111111");
        assertThat(p.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("device.value.check-digit");
            assertThat(w.subject()).isEqualTo("d.yaml: imei");
            assertThat(w.message()).contains("358240051111111", "expected last digit 0");
        });
    }

    @Test
    void malformedIdentifiersAreWarnedAboutByKey() {
        DeviceProfile p = DeviceProfiles.parse("d.yaml", """
                imei: "12345"
                android_id: "not-hex"
                advertising_id: "abc"
                wifi_mac: "aa:bb:cc"
                phone: "060012345"
                email: "nobody"
                location: "north,south"
                """);
        assertThat(p.warnings()).extracting(Problem::subject).containsExactly("d.yaml: imei", "d.yaml: phone",
                "d.yaml: android_id", "d.yaml: advertising_id", "d.yaml: wifi_mac", "d.yaml: email", "d.yaml: location");
        assertThat(p.warnings()).extracting(Problem::code).containsOnly("device.value.malformed");
        assertThat(p.identifiers().imei()).containsExactly("12345");
        assertThat(p.identifiers().location()).isEmpty();
        assertThat(p.warnings().get(1).message()).isEqualTo("\"060012345\" has no country code (+...); "
                + "it is searched for only as written");
    }

    @Test
    void aNumberInvalidForItsCountryIsStillSearchedInItsForms() {
        DeviceProfile p = DeviceProfiles.parse("d.yaml", "phone: \"+447700900123\"\n");
        assertThat(p.identifiers().phone()).contains("+447700900123");
        assertThat(p.warnings()).singleElement().satisfies(w -> assertThat(w.message())
                .isEqualTo("\"+447700900123\" is not a valid number for country code +44; "
                        + "it is still searched for in its E.164 and national forms"));
    }

    @Test
    void placeholdersAreLeftOutWithAWarning() {
        DeviceProfile p = DeviceProfiles.parse("d.yaml", """
                advertising_id: "00000000-0000-0000-0000-000000000000"
                wifi_mac: "02:00:00:00:00:00"
                serial: "unknown"
                imei: "000000000000000"
                honey: ["UNKNOWN", "real-canary"]
                """);
        assertThat(p.identifiers().values()).extracting(ProfileValue::value).containsExactly("real-canary");
        assertThat(p.warnings()).extracting(Problem::code).containsOnly("device.value.placeholder").hasSize(5);
    }

    @Test
    void consentValuesMustBeBooleans() {
        assertThatThrownBy(() -> DeviceProfiles.parse("d.yaml", "consent: { cloud: \"yes please\" }\n"))
                .isInstanceOf(DeviceProfileException.class)
                .hasMessage("d.yaml: consent.cloud: must be true or false, found \"yes please\" (line 1)");
    }

    @Test
    void unknownKeysAreErrorsNamingTheKeyAndFile() {
        assertThatThrownBy(() -> DeviceProfiles.parse("phone.yaml", "vendor: x\nimie: \"358240051111110\"\n"))
                .isInstanceOf(DeviceProfileException.class)
                .hasMessageStartingWith("phone.yaml: imie: is not a device profile key (line 2); the keys are ")
                .hasMessageContaining("imei");
    }

    @Test
    void readNamesThePathAndRefusesNonUtf8(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("device.yaml");
        Files.writeString(good, FULL, StandardCharsets.UTF_8);
        assertThat(DeviceProfiles.read(good).identifiers().imsi()).contains("246011234567890");
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, "vendor: \"M\u00fcller\"\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> DeviceProfiles.read(latin1)).isInstanceOf(DeviceProfileException.class)
                .hasMessage(latin1 + ": file: is not UTF-8 text");
        Path missing = dir.resolve("missing.yaml");
        assertThatThrownBy(() -> DeviceProfiles.read(missing)).isInstanceOf(DeviceProfileException.class)
                .hasMessageStartingWith(missing + ": file: cannot be read");
    }

    @Test
    void profileTextIsKeptAsWritten() {
        DeviceProfile p = DeviceProfiles.parse("d.yaml", "vendor: \"小米\"\nbuild: 12.5\n");
        assertThat(p.vendor()).isEqualTo(Optional.of("小米"));
        assertThat(p.build()).contains("12.5");
    }
}
