package dev.phonehome.apk.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PartitionTest {
    @ParameterizedTest
    @CsvSource({
        "system/app/Browser/Browser.apk, SYSTEM, false",
        "system/priv-app/Settings/Settings.apk, SYSTEM, true",
        "system/system_ext/priv-app/SystemUI/SystemUI.apk, SYSTEM_EXT, true",
        "system/product/app/Maps/Maps.apk, PRODUCT, false",
        "product/priv-app/MiuiHome/MiuiHome.apk, PRODUCT, true",
        "vendor/app/Ims/Ims.apk, VENDOR, false",
        "odm/app/Camera/Camera.apk, ODM, false",
        "data/app/com.example-1/base.apk, DATA, false",
        "dump/Vendor/App/x.apk, VENDOR, false",
        "loose/thing.apk, UNKNOWN, false",
        "systemfoo/app/x.apk, UNKNOWN, false",
    })
    void classifiesLocations(String location, Partition expected, boolean privileged) {
        assertThat(Partition.of(location)).isEqualTo(expected);
        assertThat(Partition.isPrivilegedFolder(location)).isEqualTo(privileged);
    }
}
