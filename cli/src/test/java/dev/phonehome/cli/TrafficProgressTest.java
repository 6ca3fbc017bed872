package dev.phonehome.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress bar of {@code phonehome traffic} (issue 4 item 6) in a JVM of its own: drawn on a
 * terminal (a pseudo-terminal made by util-linux {@code script}) even when the report goes to a
 * file, never when standard error is not a terminal or with {@code -q}.
 */
class TrafficProgressTest {
    private static final String BAR = "\rreading [";

    @TempDir
    Path dir;

    @Test
    void aTerminalShowsTheBarAndItIsClearedAtTheEnd() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script not installed");
        Path capture = TrafficStreamingTest.keepAliveCapture(dir.resolve("progress.pcap"), 60, 20_000);
        Path report = dir.resolve("report.json");
        String terminal = run("/usr/bin/script", "-qec", String.join(" ", command(capture, "--format", "json"))
                + " > " + report, "/dev/null");
        assertThat(terminal).contains(BAR).contains("progress.pcap").endsWith("\r\033[K");
        long steps = Files.size(capture) / (1 << 16); // one step per 64 KiB read
        assertThat(steps).isGreaterThan(5);
        assertThat(terminal.substring(terminal.lastIndexOf(BAR))).contains("] " + steps + "/" + steps + " ");
        assertThat(Files.readString(report)).startsWith("{").doesNotContain(BAR);
        String quiet = run("/usr/bin/script", "-qec", String.join(" ", command(capture, "-q")) + " > /dev/null", "/dev/null");
        assertThat(quiet).doesNotContain(BAR);
    }

    @Test
    void noBarWhenStandardErrorIsNotATerminal() throws Exception {
        Path capture = TrafficStreamingTest.keepAliveCapture(dir.resolve("piped.pcap"), 60, 20_000);
        assertThat(run(command(capture).toArray(String[]::new))).doesNotContain(BAR).contains("60 exchanges");
    }

    private static List<String> command(Path capture, String... options) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "traffic"));
        cmd.addAll(List.of(options));
        cmd.add(capture.toString());
        return cmd;
    }

    /** Standard output and error of the command, merged. */
    private String run(String... cmd) throws Exception {
        Path log = dir.resolve("out.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
