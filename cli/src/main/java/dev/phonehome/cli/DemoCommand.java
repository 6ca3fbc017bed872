package dev.phonehome.cli;

import dev.phonehome.apk.signing.SignatureInspector.V1Policy;
import dev.phonehome.assess.model.Assessment;
import dev.phonehome.assess.register.Suppressions;
import dev.phonehome.assess.report.AssessmentFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code phonehome demo}: the whole assessment on the bundled sample the build writes under
 * {@code testkit/target}: firmware, capture with embedded TLS secrets, device description.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Assess the bundled sample (firmware, capture, device.yaml built by the testkit module) and print the report paths.")
final class DemoCommand implements Callable<Integer> {
    static final String FIRMWARE = "testkit/target/sample-firmware";
    static final String CAPTURE = "testkit/target/sample-capture.pcapng";
    static final String DEVICE = "testkit/target/sample-device.yaml";

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "phonehome-demo",
            description = "Folder for the reports (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--root", paramLabel = "DIR", hidden = true,
            description = "Installation root holding testkit/target (default: found from the phonehome jar).")
    Path root;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Path home = root != null ? root : installationRoot();
        Path firmware = home.resolve(FIRMWARE);
        if (!Files.isDirectory(firmware)) {
            err.println("phonehome demo: the sample firmware " + firmware + " is missing; build it with "
                    + "'mvn -B -DskipTests package' in " + home);
            return ExitCode.INPUT;
        }
        List<Path> captures = new ArrayList<>();
        Path capture = home.resolve(CAPTURE);
        if (Files.isRegularFile(capture)) {
            captures.add(capture);
        } else {
            err.println("phonehome demo: no sample capture at " + capture + "; assessing the firmware alone");
        }
        Path device = home.resolve(DEVICE);
        if (!Files.isRegularFile(device)) {
            err.println("phonehome demo: no sample device description at " + device);
            device = null;
        }
        AssessmentRun run = new AssessmentRun();
        Assessment a = run.run(new AssessmentRun.Request(firmware, captures, null, device, null, Suppressions.none(),
                Runtime.getRuntime().availableProcessors(), V1Policy.AS_ANDROID, true));
        List<Path> written = AssessmentFiles.write(a, out, AssessmentFiles.standard(Versions.number(spec)));
        AssessmentText.print(a, written, Main.stdout());
        return ExitCode.OK;
    }

    /** The folder holding {@code cli/target/phonehome.jar}, or the working folder when run from classes. */
    private static Path installationRoot() {
        try {
            Path code = Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // cli/target/phonehome.jar or cli/target/classes: three levels up is the root.
            Path root = code.getParent() == null ? null : code.getParent().getParent();
            return root != null && root.getParent() != null ? root.getParent() : Path.of("");
        } catch (URISyntaxException | SecurityException e) {
            return Path.of("");
        }
    }
}
