package dev.phonehome.testkit.axml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.phonehome.testkit.ApkBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Android's own aapt reads what the writer produces, in both string pool encodings. */
class ManifestXmlTest {
    private static final Path AAPT = Path.of("/usr/bin/aapt");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aaptReadsTheWrittenManifest(boolean utf8) throws Exception {
        assumeTrue(Files.isExecutable(AAPT), "aapt is not installed");
        byte[] xml = ManifestXml.app("com.example.sms").utf8(utf8).versionCode(3).versionName("1.0 é中")
                .minSdk(24).targetSdk(30).permission("android.permission.SEND_SMS")
                .permission("android.permission.READ_PHONE_STATE", 28)
                .declarePermission("com.example.sms.PRIVATE", 0x12)
                .label("Sms").debuggable(true)
                .receiver(".SmsReceiver", true, ManifestXml.filter("android.intent.action.DATA_SMS_RECEIVED")
                        .data("sms", "localhost", "8901").priority(999))
                .service(".Uploader", null)
                .build();
        Path apk = new ApkBuilder().manifest(xml).write(dir.resolve("a.apk"));

        String badging = aapt("badging", apk.toString());
        assertThat(badging).contains("package: name='com.example.sms' versionCode='3' versionName='1.0 é中'")
                .contains("sdkVersion:'24'").contains("targetSdkVersion:'30'")
                .contains("uses-permission: name='android.permission.SEND_SMS'")
                .contains("uses-permission: name='android.permission.READ_PHONE_STATE' maxSdkVersion='28'")
                .contains("application-debuggable").contains("other-receivers");
        String tree = aapt("xmltree", apk.toString(), "AndroidManifest.xml");
        assertThat(tree).contains("A: android:exported(0x01010010)=(type 0x12)0xffffffff")
                .contains("A: android:port(0x01010029)=\"8901\"")
                .contains("A: android:protectionLevel(0x01010009)=(type 0x11)0x12")
                .contains("A: android:priority(0x0101001c)=(type 0x10)0x3e7");
    }

    private static String aapt(String... args) throws Exception {
        String[] command = new String[args.length + 2];
        command[0] = AAPT.toString();
        command[1] = "dump";
        System.arraycopy(args, 0, command, 2, args.length);
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
