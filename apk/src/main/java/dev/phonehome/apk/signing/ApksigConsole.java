package dev.phonehome.apk.signing;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * apksig prints the stack trace of a malformed PKCS#7 block or signing block to
 * {@code System.err} before recording the failure as an issue, which phonehome already reports
 * as a {@code signing.*} problem. On a hostile firmware that is pages of traces in the user's
 * terminal that look like crashes. {@link #silence()} replaces {@code System.err} with a stream
 * that drops what {@link SignatureInspector}'s worker threads (which run apksig and nothing else)
 * write, and passes everything else on; applications call it, the library never does.
 */
public final class ApksigConsole {
    static final String WORKER_THREAD = "phonehome-apksig";

    private ApksigConsole() {
    }

    /** Installs the filter on {@code System.err} once; later calls change nothing. */
    public static synchronized void silence() {
        if (!(System.err instanceof WorkerFilter)) {
            System.setErr(new WorkerFilter(System.err));
        }
    }

    /** A stream that discards writes made on apksig worker threads. */
    static final class WorkerFilter extends PrintStream {
        WorkerFilter(OutputStream target) {
            super(target, true);
        }

        private static boolean dropped() {
            return Thread.currentThread().getName().equals(WORKER_THREAD);
        }

        @Override
        public void write(int b) {
            if (!dropped()) {
                super.write(b);
            }
        }

        @Override
        public void write(byte[] buf, int off, int len) {
            if (!dropped()) {
                super.write(buf, off, len);
            }
        }
    }
}
