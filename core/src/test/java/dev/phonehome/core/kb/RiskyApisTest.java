package dev.phonehome.core.kb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RiskyApisTest {
    private final RiskyApis apis = KnowledgeBase.load().riskyApis();

    @Test
    void sendSmsAnyOverload() {
        assertThat(apis.lookup("Landroid/telephony/SmsManager;", "sendTextMessage",
                "(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;Landroid/app/PendingIntent;Landroid/app/PendingIntent;)V"))
                .singleElement().satisfies(api -> {
                    assertThat(api.capability()).isEqualTo("send_sms");
                    assertThat(api.role()).isEqualTo("use");
                });
        assertThat(apis.lookup("Landroid/telephony/SmsManager;", "getDefault", "()Landroid/telephony/SmsManager;"))
                .singleElement().extracting(RiskyApi::role).isEqualTo("acquisition");
        assertThat(apis.capability("send_sms").orElseThrow().permissions()).containsExactly("android.permission.SEND_SMS");
    }

    @Test
    void androidIdNeedsTheConstantArgument() {
        RiskyApi api = apis.lookup("Landroid/provider/Settings$Secure;", "getString",
                "(Landroid/content/ContentResolver;Ljava/lang/String;)Ljava/lang/String;").get(0);
        assertThat(api.argument().index()).isEqualTo(1);
        assertThat(api.argument().accepts("android_id")).isTrue();
        assertThat(api.argument().accepts("bluetooth_name")).isFalse();
        assertThat(api.argument().accepts(null)).isFalse();
        assertThat(apis.capability(api.capability()).orElseThrow().dataType()).isEqualTo("developerScopedId");
    }

    @Test
    void contentResolverQueryDependsOnTheUri() {
        var query = apis.lookup("Landroid/content/ContentResolver;", "query", "(Landroid/net/Uri;)Landroid/database/Cursor;");
        assertThat(query).extracting(RiskyApi::capability).containsExactlyInAnyOrder("read_contacts", "read_call_log", "read_sms");
        assertThat(query).filteredOn(a -> a.argument().accepts("content://sms/inbox"))
                .extracting(RiskyApi::capability).containsExactly("read_sms");
    }

    @Test
    void exactDescriptorDoesNotCoverOtherOverloads() {
        assertThat(apis.lookup("Ljava/lang/Runtime;", "exec", "(Ljava/lang/String;)Ljava/lang/Process;"))
                .extracting(RiskyApi::capability).containsExactlyInAnyOrder("run_shell", "run_as_root");
        assertThat(apis.lookup("Ljava/lang/Runtime;", "exec", "([Ljava/lang/String;)Ljava/lang/Process;"))
                .extracting(RiskyApi::capability).containsExactly("run_shell");
    }

    @Test
    void fieldsAndUnknownMembers() {
        assertThat(apis.lookup("Landroid/os/Build;", "SERIAL", "Ljava/lang/String;"))
                .singleElement().extracting(RiskyApi::kind).isEqualTo(RiskyApi.Kind.FIELD);
        assertThat(apis.lookup("Landroid/os/Build;", "MODEL", "Ljava/lang/String;")).isEmpty();
        assertThat(apis.lookup("android.os.Build", "SERIAL", "Ljava/lang/String;")).isEmpty();
    }

    @Test
    void everyApiHasAReferencePage() {
        assertThat(apis.all()).allSatisfy(a -> assertThat(a.provenance()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.ref()).isNotBlank()));
        assertThat(apis.all()).extracting(RiskyApi::capability).contains(
                "read_imei", "read_imsi", "read_iccid", "read_phone_number", "read_serial", "read_mac_address",
                "read_advertising_id", "read_location", "read_accounts", "list_installed_apps", "install_packages",
                "delete_packages", "load_dex_code", "run_shell", "accessibility_control", "device_admin",
                "hidden_api_exemption");
    }
}
