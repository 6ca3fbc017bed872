package dev.phonehome.traffic.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pcapng files the tests build are read the same way by tshark, so the fixtures are honest. */
class TsharkInteropTest {
    @TempDir
    Path dir;

    @Test
    void tsharkSeesTheSamePacketsLengthsAndUidComments() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tshark")), "tshark not installed");
        Path file = dir.resolve("fixture.pcapng");
        Files.write(file, CaptureRobustnessTest.PCAPNG);

        // tshark lists the PCAPdroid custom block as a frame of its own (with frame.cb_pen set).
        List<String> theirs = tshark(file, "-T", "fields", "-e", "frame.cb_pen", "-e", "frame.comment", "-e",
                "frame.len", "-e", "frame.cap_len").lines().filter(l -> l.matches("\\t.*")).toList();

        Captures ours = Captures.read(CaptureRobustnessTest.PCAPNG);
        assertThat(ours.problems()).isEmpty();
        List<String> expected = ours.packets().stream().map(p -> "\t" + (p.uid().isPresent() ? "u-" + p.uid().getAsInt() : "")
                + "\t" + p.originalLength() + "\t" + p.data().remaining()).toList();
        assertThat(theirs).containsExactlyElementsOf(expected);
        assertThat(ours.uids()).containsEntry(10001, "com.example");
    }

    private static String tshark(Path file, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", file.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
