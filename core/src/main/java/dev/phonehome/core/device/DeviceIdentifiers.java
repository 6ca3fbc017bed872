package dev.phonehome.core.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The identifiers of a phone under test, as {@code device.yaml} lists them, normalised and with
 * placeholders left out. Every one is optional.
 *
 * @param imei     {@code imei} (a value or a list) followed by {@code imei2}; digits only
 * @param wifiMac  lower case, colon separated
 * @param location {@code "lat,lon"} in decimal degrees
 * @param honey    free-form canary values planted on the phone
 */
public record DeviceIdentifiers(List<String> imei, Optional<String> meid, Optional<String> imsi,
                                Optional<String> iccid, Optional<String> phone, Optional<String> serial,
                                Optional<String> androidId, Optional<String> advertisingId, Optional<String> oaid,
                                Optional<String> wifiMac, Optional<String> btMac, Optional<String> email,
                                List<String> accounts, Optional<GeoPoint> location, List<String> honey) {
    public static final DeviceIdentifiers NONE = new DeviceIdentifiers(List.of(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(), List.of());

    public DeviceIdentifiers {
        imei = List.copyOf(imei);
        accounts = List.copyOf(accounts);
        honey = List.copyOf(honey);
        Objects.requireNonNull(location, "location");
    }

    /**
     * Every textual identifier with the key it came from, in {@code device.yaml} key order
     * ({@link #location()} is not text and is not included).
     */
    public List<ProfileValue> values() {
        List<ProfileValue> out = new ArrayList<>();
        for (int i = 0; i < imei.size(); i++) {
            out.add(new ProfileValue(i == 0 ? "imei" : "imei" + (i + 1), PersonalDataType.IMEI, imei.get(i)));
        }
        add(out, "meid", PersonalDataType.MEID, meid);
        add(out, "imsi", PersonalDataType.IMSI, imsi);
        add(out, "iccid", PersonalDataType.ICCID, iccid);
        add(out, "phone", PersonalDataType.PHONE, phone);
        add(out, "serial", PersonalDataType.SERIAL, serial);
        add(out, "android_id", PersonalDataType.ANDROID_ID, androidId);
        add(out, "advertising_id", PersonalDataType.ADVERTISING_ID, advertisingId);
        add(out, "oaid", PersonalDataType.OAID, oaid);
        add(out, "wifi_mac", PersonalDataType.WIFI_MAC, wifiMac);
        add(out, "bt_mac", PersonalDataType.BT_MAC, btMac);
        add(out, "email", PersonalDataType.EMAIL, email);
        addAll(out, "accounts", PersonalDataType.ACCOUNT, accounts);
        addAll(out, "honey", PersonalDataType.HONEY, honey);
        return List.copyOf(out);
    }

    /** True when there is nothing to search for. */
    public boolean isEmpty() {
        return values().isEmpty() && location.isEmpty();
    }

    private static void add(List<ProfileValue> out, String key, PersonalDataType type, Optional<String> value) {
        value.ifPresent(v -> out.add(new ProfileValue(key, type, v)));
    }

    private static void addAll(List<ProfileValue> out, String key, PersonalDataType type, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            out.add(new ProfileValue(key + "[" + i + "]", type, values.get(i)));
        }
    }
}
