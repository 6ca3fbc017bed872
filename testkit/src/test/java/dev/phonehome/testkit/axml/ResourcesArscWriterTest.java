package dev.phonehome.testkit.axml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.phonehome.testkit.ApkBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** aapt resolves labels and resources from the written table in each configuration. */
class ResourcesArscWriterTest {
    private static final Path AAPT = Path.of("/usr/bin/aapt");

    @TempDir
    Path dir;

    @Test
    void aaptResolvesTheLabelInEveryLocale() throws Exception {
        assumeTrue(Files.isExecutable(AAPT), "aapt is not installed");
        ResourcesArscWriter res = new ResourcesArscWriter("com.example.sms");
        int label = res.string("string", "app_name", "Messages");
        res.translate(label, "de", "Nachrichten").translate(label, "zh-rCN", "信息");
        int config = res.string("xml", "network_security_config", "res/xml/network_security_config.xml");
        byte[] manifest = ManifestXml.app("com.example.sms").versionCode(1).minSdk(24).targetSdk(30)
                .labelResource(label).networkSecurityConfig(config).build();
        Path apk = new ApkBuilder().manifest(manifest).storedEntry("resources.arsc", res.build()).write(dir.resolve("r.apk"));

        assertThat(aapt("badging", apk.toString())).contains("application-label:'Messages'")
                .contains("application-label-de:'Nachrichten'").contains("application-label-zh-CN:'信息'");
        assertThat(aapt("resources", apk.toString()))
                .contains(String.format("resource 0x%08x com.example.sms:string/app_name", label))
                .contains(String.format("resource 0x%08x com.example.sms:xml/network_security_config", config));
        assertThat(label).isEqualTo(0x7f010000);
        assertThat(config).isEqualTo(0x7f020000);
    }

    private static String aapt(String what, String apk) throws Exception {
        Process p = new ProcessBuilder(AAPT.toString(), "dump", what, apk).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
