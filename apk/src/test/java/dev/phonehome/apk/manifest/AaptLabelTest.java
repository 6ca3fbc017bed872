package dev.phonehome.apk.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.phonehome.apk.resources.ResourceTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Application labels resolved through resources.arsc agree with aapt on every reference APK. */
class AaptLabelTest {
    private static final Pattern LABEL = Pattern.compile("^application-label:'(.*)'$", Pattern.MULTILINE);

    @Test
    void defaultLabelMatchesAapt() throws Exception {
        assumeTrue(Files.isExecutable(ReferenceApks.AAPT), "aapt is not installed");
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        List<Path> apks = ReferenceApks.all();
        for (Path apk : apks) {
            Optional<String> badging = ReferenceApks.aapt("badging", apk);
            Matcher m = LABEL.matcher(badging.orElse(""));
            Optional<byte[]> xml = ReferenceApks.entry(apk, "AndroidManifest.xml");
            Optional<byte[]> arsc = ReferenceApks.entry(apk, "resources.arsc");
            if (!m.find() || xml.isEmpty() || arsc.isEmpty()) {
                continue;
            }
            compared++;
            Application app = AndroidManifest.parse(xml.get()).application();
            ResourceTable table = ResourceTable.parse(arsc.get());
            String ours = app.labelResource() != 0
                    ? table.string(app.labelResource(), "default").orElse("<unresolved>") : app.label();
            if (!m.group(1).equals(ours)) {
                mismatches.add(apk.getFileName() + ": aapt '" + m.group(1) + "', ours '" + ours + "'");
            }
        }
        assertThat(compared).as("APKs with a label compared").isGreaterThanOrEqualTo(apks.size() / 2);
        assertThat(mismatches).isEmpty();
    }
}
