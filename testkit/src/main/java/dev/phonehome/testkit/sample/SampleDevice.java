package dev.phonehome.testkit.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The phone of the bundled sample: its facts and identifiers. The sample device profile
 * ({@code sample-device.yaml}) declares them and the sample capture sends them, both from these
 * constants; the phone number and the Wi-Fi MAC address never leave the phone, so a matcher that
 * reports them has a false positive. Every identifier is made up and safe to publish: the IMEI
 * has a valid check digit, the IMSI is on the test network 001-01, the phone number is in
 * Ofcom's range reserved for drama, the MAC address is locally administered.
 */
public final class SampleDevice {
    public static final String VENDOR = "phonehome sample";
    public static final String MODEL = "PH-1 Sample 5G";
    public static final String BUILD = "SampleOS 12.0.10.0 EEA";
    public static final String REGION = "EEA";
    public static final String ANDROID_VERSION = "13";
    public static final String IMEI = "353490061234569";
    public static final String IMSI = "001010123456789";
    public static final String CARRIER = "Test Network";
    public static final String ANDROID_ID = "5c1a9e02d3b7f481";
    public static final String ADVERTISING_ID = "3f2b8c1e-7a4d-4e9b-a0c6-d15e8f2b7a90";
    public static final String PHONE = "+447700900123";
    public static final String EMAIL = "tester@example.org";
    public static final String WIFI_MAC = "02:00:00:5a:3c:71";
    public static final double LATITUDE = 54.6872;
    public static final double LONGITUDE = 25.2797;
    public static final String HONEY = "phonehome-canary-7f3a";
    public static final int SCREEN_WIDTH = 1080;
    public static final int SCREEN_HEIGHT = 2400;
    public static final String USER_AGENT = "Dalvik/2.1.0 (Linux; U; Android " + ANDROID_VERSION + "; " + MODEL
            + " Build/TQ3A.230901.001)";

    private SampleDevice() {
    }

    /**
     * The device profile (the keys of "Device profile" in the design) of the phone as captured in
     * {@code sample-capture.pcapng}: both consent settings on.
     */
    public static String profileYaml() {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("vendor", VENDOR);
        profile.put("model", MODEL);
        profile.put("build", BUILD);
        profile.put("region", REGION);
        Map<String, Object> consent = new LinkedHashMap<>();
        consent.put("user_experience_programme", true);
        consent.put("cloud", true);
        profile.put("consent", consent);
        profile.put("imei", IMEI);
        profile.put("imsi", IMSI);
        profile.put("android_id", ANDROID_ID);
        profile.put("advertising_id", ADVERTISING_ID);
        profile.put("phone", PHONE);
        profile.put("email", EMAIL);
        profile.put("wifi_mac", WIFI_MAC);
        profile.put("location", LATITUDE + "," + LONGITUDE);
        profile.put("honey", List.of(HONEY));
        YAMLMapper yaml = new YAMLMapper(new YAMLFactory()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .disable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .disable(YAMLGenerator.Feature.SPLIT_LINES));
        try {
            return "# Device profile of the phonehome sample capture (made by the build).\n"
                    + yaml.writeValueAsString(profile);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the sample device profile", e);
        }
    }
}
