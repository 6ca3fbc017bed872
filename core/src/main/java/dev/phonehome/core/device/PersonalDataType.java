package dev.phonehome.core.device;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The kinds of personal data the matcher looks for in traffic. Codes are the {@code device.yaml}
 * keys that hold them (singular), so a report and the profile use the same words.
 */
public enum PersonalDataType {
    IMEI("imei"),
    MEID("meid"),
    IMSI("imsi"),
    ICCID("iccid"),
    PHONE("phone"),
    SERIAL("serial"),
    ANDROID_ID("android_id"),
    ADVERTISING_ID("advertising_id"),
    OAID("oaid"),
    WIFI_MAC("wifi_mac"),
    BT_MAC("bt_mac"),
    /** A MAC address found without a profile, when it cannot be told whether it is Wi-Fi or Bluetooth. */
    MAC_ADDRESS("mac_address"),
    EMAIL("email"),
    ACCOUNT("account"),
    LOCATION("location"),
    /** A free-form canary value the tester planted on the phone. */
    HONEY("honey");

    private final String code;

    PersonalDataType(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
