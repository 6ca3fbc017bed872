package dev.phonehome.traffic.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureStreamsTest {
    @TempDir
    Path dir;

    @Test
    void aFileTheReaderRefusesIsClosedAgain() throws Exception {
        Path file = Files.writeString(dir.resolve("refused.pcap"), "not a capture");
        AtomicReference<InputStream> seen = new AtomicReference<>();
        assertThatThrownBy(() -> CaptureStreams.open(file, (in, subject) -> {
            seen.set(in);
            assertThat(subject).isEqualTo("refused.pcap");
            throw new CaptureFormatException("capture file " + subject, 0, "refused");
        })).isInstanceOf(CaptureFormatException.class);
        assertThatThrownBy(() -> seen.get().read()).isInstanceOf(IOException.class);
    }

    @Test
    void gzipIsUndoneAndPlainBytesPassThrough() throws Exception {
        byte[] plain = "{\"log\":{}}".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(plain);
        }
        assertThat(CaptureStreams.gunzipped(new ByteArrayInputStream(zipped.toByteArray()), "x.har.gz").readAllBytes())
                .isEqualTo(plain);
        assertThat(CaptureStreams.gunzipped(new ByteArrayInputStream(plain), "x.har").readAllBytes()).isEqualTo(plain);
        assertThat(CaptureStreams.gunzipped(new ByteArrayInputStream(new byte[0]), "empty").readAllBytes()).isEmpty();
    }

    @Test
    void aBrokenGzipHeaderNamesTheCapture() {
        byte[] broken = {0x1f, (byte) 0x8b, 99, 0};
        assertThatThrownBy(() -> CaptureStreams.gunzipped(new ByteArrayInputStream(broken), "cut.pcap.gz"))
                .isInstanceOf(CaptureFormatException.class).hasMessageContaining("gzip header of cut.pcap.gz");
    }
}
