package dev.phonehome.traffic.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BoundedMemoryTest {
    @Test
    void aMillionTinyConnectionsFitIn512MegabytesOfHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-cp",
                System.getProperty("java.class.path"), MillionConnections.class.getName()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        int n = MillionConnections.CONNECTIONS;
        assertThat(out.strip()).startsWith("opened=" + n + " bytes=" + 2L * n + " closed=" + n + " maxTracked=");
        long maxTracked = Long.parseLong(out.strip().replaceAll(".*maxTracked=", ""));
        assertThat(maxTracked).isLessThanOrEqualTo(TcpReassembler.MAX_CONNECTIONS);
    }
}
