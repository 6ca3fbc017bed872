package dev.phonehome.core.device;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The kinds of personal data the matcher looks for in traffic. Codes are the {@code device.yaml}
 * keys that hold them (singular), so a report and the profile use the same words; each also names
 * the {@code data_type} that {@code kb/risky-apis.json} gives the API reading it (TrackHAR's standard
 * property names where one exists), so traffic evidence meets the code that collected it.
 */
public enum PersonalDataType {
    IMEI("imei", "deviceId"),
    MEID("meid", "deviceId"),
    IMSI("imsi", "imsi"),
    ICCID("iccid", "iccid"),
    PHONE("phone", "phoneNumber"),
    SERIAL("serial", "serialNumber"),
    ANDROID_ID("android_id", "developerScopedId"),
    ADVERTISING_ID("advertising_id", "advertisingId"),
    OAID("oaid", "advertisingId"),
    WIFI_MAC("wifi_mac", "macAddress"),
    BT_MAC("bt_mac", "macAddress"),
    /** A MAC address found without a profile, when it cannot be told whether it is Wi-Fi or Bluetooth. */
    MAC_ADDRESS("mac_address", "macAddress"),
    EMAIL("email", "accounts"),
    ACCOUNT("account", "accounts"),
    LOCATION("location", "location"),
    /** A free-form canary value the tester planted on the phone. */
    HONEY("honey", "otherIdentifiers");

    private final String code;
    private final String dataType;

    PersonalDataType(String code, String dataType) {
        this.code = code;
        this.dataType = dataType;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The knowledge base's {@code data_type} for this kind of data, e.g. {@code deviceId} for an IMEI. */
    public String dataType() {
        return dataType;
    }
}
