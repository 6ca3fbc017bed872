package dev.phonehome.cli;

/** The process exit codes phonehome documents in its README. */
public final class ExitCode {
    /** The command ran; problems with single inputs are in the report. */
    public static final int OK = 0;
    /** Findings at or over the {@code --fail-on} threshold. */
    public static final int FINDINGS = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** No input could be read at all (missing file, not a firmware, unreadable capture). */
    public static final int INPUT = 3;

    private ExitCode() {
    }
}
