package dev.phonehome.apk.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApksigConsoleTest {
    @Test
    void dropsWhatApksigWorkersPrintAndPassesTheRest() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream filter = new ApksigConsole.WorkerFilter(sink);
        Thread worker = new Thread(() -> {
            new IllegalStateException("malformed PKCS#7").printStackTrace(filter);
            filter.write('x');
        }, ApksigConsole.WORKER_THREAD);
        worker.start();
        worker.join();
        filter.println("phonehome scan: bad.apk: not a ZIP");
        Thread other = new Thread(() -> filter.print("other thread"), "main-like");
        other.start();
        other.join();
        assertThat(sink.toString(StandardCharsets.UTF_8))
                .isEqualTo("phonehome scan: bad.apk: not a ZIP" + System.lineSeparator() + "other thread");
    }

    @Test
    void silenceInstallsTheFilterOnce() {
        PrintStream original = System.err;
        try {
            ApksigConsole.silence();
            PrintStream installed = System.err;
            ApksigConsole.silence();
            assertThat(installed).isInstanceOf(ApksigConsole.WorkerFilter.class).isSameAs(System.err);
        } finally {
            System.setErr(original);
        }
    }
}
