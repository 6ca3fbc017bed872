package dev.phonehome.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-line progress bar on standard error, drawn only when a person is watching a terminal:
 * redirected output, CI logs and {@code --quiet} runs stay clean.
 */
final class Progress implements AutoCloseable {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final String label;
    private final int total;
    private final boolean enabled;
    private final AtomicInteger done = new AtomicInteger();
    private long lastDraw;

    Progress(PrintStream out, String label, int total, boolean enabled) {
        this.out = out;
        this.label = label;
        this.total = Math.max(total, 1);
        this.enabled = enabled;
    }

    /** Enabled when stderr is an interactive terminal and the user did not ask for quiet. */
    static Progress onTerminal(String label, int total, boolean quiet) {
        return new Progress(System.err, label, total, !quiet && stderrIsTerminal());
    }

    /**
     * {@code System.console()} also needs standard input and output to be a terminal, so a run
     * whose report goes to a file or pipe would show no bar; on Linux the descriptor's link tells.
     */
    private static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    void step(String current) {
        int n = done.incrementAndGet();
        if (!enabled) {
            return;
        }
        synchronized (this) {
            long now = System.nanoTime();
            if (n < total && now - lastDraw < 100_000_000L) {
                return;
            }
            lastDraw = now;
            int filled = (int) ((long) WIDTH * n / total);
            String name = current.length() > 40 ? "…" + current.substring(current.length() - 39) : current;
            out.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + n + "/" + total
                    + " " + name + "\033[K");
            out.flush();
        }
    }

    @Override
    public void close() {
        if (enabled) {
            out.print("\r\033[K");
            out.flush();
        }
    }
}
