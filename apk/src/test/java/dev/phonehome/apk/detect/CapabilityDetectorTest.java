package dev.phonehome.apk.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.core.finding.EvidenceLevel;
import dev.phonehome.core.finding.Finding;
import dev.phonehome.core.finding.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapabilityDetectorTest {
    private static final String SYSTEM = "system/priv-app/Cloud/Cloud.apk";
    private static final String USER = "data/app/Cloud/base.apk";

    @TempDir
    Path dir;

    private List<Finding> scan(String location, String className, String source, String... permissions) {
        byte[] dex = AppFixture.compiler().source(className, source).compileOne();
        return AppFixture.scan(dir, new CapabilityDetector(), location, List.of(dex), permissions);
    }

    private static Finding only(List<Finding> findings, String rule) {
        assertThat(findings).extracting(Finding::rule).contains(rule);
        return findings.stream().filter(f -> f.rule().equals(rule)).findFirst().orElseThrow();
    }

    @Test
    void systemServiceTextingConstantNumberIsSilentSms() {
        List<Finding> findings = scan(SYSTEM, "com.example.cloud.Registration", """
                package com.example.cloud;
                public class Registration extends android.app.Service {
                    @Override public int onStartCommand(android.content.Intent i, int f, int s) {
                        String gateway = "+8610690000000";
                        String copy = gateway;
                        android.telephony.SmsManager.getDefault().sendTextMessage(copy, null, "REG", null, null);
                        return 2;
                    }
                }
                """, "android.permission.SEND_SMS");

        Finding sms = only(findings, "capability.sms.silent");
        assertThat(sms.severity()).isEqualTo(Severity.HIGH);
        assertThat(sms.level()).isEqualTo(EvidenceLevel.REFERENCED);
        assertThat(sms.attributes()).containsEntry("capability", "send_sms")
                .containsEntry("constant_args", "0=\"+8610690000000\"; 2=\"REG\"")
                .containsEntry("permission_declared", "true")
                .containsEntry("caller", "Lcom/example/cloud/Registration;->onStartCommand(Landroid/content/Intent;II)I");
        assertThat(sms.attributes().get("permissions")).startsWith("android.permission.SEND_SMS (dangerous");
        assertThat(sms.evidence()).singleElement().satisfies(e -> {
            assertThat(e.location()).startsWith("classes.dex Lcom/example/cloud/Registration;->onStartCommand");
            assertThat(e.detail()).contains("sendTextMessage").contains("+8610690000000");
        });
    }

    @Test
    void numberNotKnownStaticallyIsOneStepBelowTheHint() {
        List<Finding> findings = scan(SYSTEM, "com.example.sms.Composer", """
                package com.example.sms;
                public class Composer {
                    void send(String typedNumber, String text) {
                        android.telephony.SmsManager.getDefault().sendTextMessage(typedNumber, null, text, null, null);
                    }
                }
                """);

        Finding sms = only(findings, "capability.send_sms");
        assertThat(sms.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(sms.attributes()).containsEntry("permission_declared", "false").doesNotContainKey("constant_args");
        assertThat(findings).extracting(Finding::rule).doesNotContain("capability.sms.silent");
    }

    @Test
    void userAppTextingConstantNumberKeepsTheHintButIsNotSilentSmsRule() {
        List<Finding> findings = scan(USER, "com.example.sms.Premium", """
                package com.example.sms;
                public class Premium {
                    void send() {
                        android.telephony.SmsManager.getDefault().sendTextMessage("1234", null, "SUB", null, null);
                    }
                }
                """);

        assertThat(only(findings, "capability.send_sms").severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void valueDifferingOnTwoPathsIsNotConstant() {
        List<Finding> findings = scan(SYSTEM, "com.example.sms.Branchy", """
                package com.example.sms;
                public class Branchy {
                    void send(boolean europe) {
                        String number = europe ? "+3701" : "+8610";
                        android.telephony.SmsManager.getDefault().sendTextMessage(number, null, "x", null, null);
                    }
                }
                """);

        Finding sms = only(findings, "capability.send_sms");
        assertThat(sms.attributes().get("constant_args")).isEqualTo("2=\"x\"");
    }

    @Test
    void valueInACatchHandlerIsNotTheOneSetBeforeTheThrow() {
        List<Finding> findings = scan(SYSTEM, "com.example.sms.Fallback", """
                package com.example.sms;
                public class Fallback {
                    static void risky() {}
                    void send() {
                        String number = "+3701";
                        try {
                            risky();
                            number = "+8610";
                            risky();
                        } catch (RuntimeException e) {
                            android.telephony.SmsManager.getDefault().sendTextMessage(number, null, "x", null, null);
                        }
                    }
                }
                """);

        assertThat(only(findings, "capability.send_sms").attributes().get("constant_args")).isEqualTo("2=\"x\"");
    }

    @Test
    void deviceIdentifiersAndSerialField() {
        List<Finding> findings = scan(USER, "com.example.id.Ids", """
                package com.example.id;
                public class Ids {
                    String all(android.telephony.TelephonyManager tm) {
                        return tm.getDeviceId() + tm.getImei() + android.os.Build.SERIAL;
                    }
                }
                """, "android.permission.READ_PHONE_STATE");

        Finding imei = only(findings, "capability.read_imei");
        assertThat(imei.evidence()).hasSize(2);
        assertThat(imei.attributes()).containsEntry("data_type", "deviceId").containsEntry("uses", "2")
                .containsEntry("permission_declared", "true");
        Finding serial = only(findings, "capability.read_serial");
        assertThat(serial.evidence()).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("reads Landroid/os/Build;->SERIAL:Ljava/lang/String;"));
    }

    @Test
    void androidIdCountsOnlyWithItsConstantKey() {
        List<Finding> findings = scan(USER, "com.example.id.Settings", """
                package com.example.id;
                import android.provider.Settings.Secure;
                public class Settings {
                    String id(android.content.Context c) { return Secure.getString(c.getContentResolver(), "android_id"); }
                    String other(android.content.Context c) { return Secure.getString(c.getContentResolver(), "bluetooth_name"); }
                }
                """);

        assertThat(findings).filteredOn(f -> f.rule().equals("capability.read_android_id")).singleElement()
                .satisfies(f -> assertThat(f.attributes().get("caller")).contains("->id("));
    }

    @Test
    void contentUriThroughUriParseSelectsTheCapability() {
        List<Finding> findings = scan(USER, "com.example.sms.Reader", """
                package com.example.sms;
                public class Reader {
                    Object inbox(android.content.ContentResolver r) {
                        return r.query(android.net.Uri.parse("content://sms/inbox"), null, null, null, null);
                    }
                    Object other(android.content.ContentResolver r) {
                        return r.query(android.net.Uri.parse("content://media/external"), null, null, null, null);
                    }
                }
                """);

        assertThat(findings).extracting(Finding::rule).containsExactly("capability.read_sms");
        assertThat(findings.get(0).attributes()).containsEntry("constant_args", "0=\"content://sms/inbox\"");
    }

    @Test
    void dynamicCodeAndRootShell() throws Exception {
        List<Finding> findings = scan(USER, "com.example.loader.Loader", """
                package com.example.loader;
                public class Loader {
                    Object load(String path) {
                        return new dalvik.system.DexClassLoader(path, null, null, null);
                    }
                    void root() throws java.io.IOException { Runtime.getRuntime().exec("su"); }
                }
                """);

        assertThat(findings).extracting(Finding::rule)
                .contains("capability.load_dex_code", "capability.run_as_root", "capability.run_shell");
        assertThat(only(findings, "capability.run_as_root").severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void callInsideKnownSdkIsPresentWithTheSdkNamed() {
        byte[] dex = AppFixture.compiler().source("com.sensorsdata.analytics.android.sdk.util.Ids", """
                package com.sensorsdata.analytics.android.sdk.util;
                public class Ids {
                    public static String imei(android.telephony.TelephonyManager tm) { return tm.getDeviceId(); }
                }
                """).compileOne();

        List<Finding> findings = AppFixture.scan(dir, new CapabilityDetector(), USER, List.of(dex));

        Finding imei = only(findings, "capability.read_imei");
        assertThat(imei.level()).isEqualTo(EvidenceLevel.PRESENT);
        assertThat(imei.attributes()).containsEntry("in_sdk", "sensors-data");
    }

    @Test
    void riskyNameOnUnrelatedClassAndClassNameInStringAreNothing() {
        List<Finding> findings = scan(USER, "com.example.mail.Outbox", """
                package com.example.mail;
                public class Outbox {
                    public void sendTextMessage(String to, String sc, String text, Object a, Object b) {}
                    public String getDeviceId() { return "android.telephony.SmsManager"; }
                    void go() { sendTextMessage("+1", null, "x", null, null); getDeviceId(); }
                }
                """);

        assertThat(findings).isEmpty();
    }
}
