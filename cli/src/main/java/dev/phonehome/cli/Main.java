package dev.phonehome.cli;

import dev.phonehome.apk.signing.ApksigConsole;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code phonehome} command. */
@Command(name = "phonehome", mixinStandardHelpOptions = true, version = "phonehome 0.1.0",
        description = "What a phone's factory software contains, what personal data leaves the phone, where it goes.",
        subcommands = {ScanCommand.class, TrafficCommand.class, AssessCommand.class, ReportCommand.class,
                CompareCommand.class, DiffCommand.class, DemoCommand.class, DataCommand.class})
public final class Main {
    public static void main(String[] args) {
        ApksigConsole.silence();
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (see {@link ExitCode}). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExitCodeExceptionMapper(e -> ExitCode.USAGE);
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println(e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return ExitCode.USAGE;
        });
        return cli.execute(args);
    }

    /** Standard output in UTF-8 whatever the platform default, so reports print CJK text intact. */
    static PrintStream stdout() {
        return new PrintStream(System.out, true, StandardCharsets.UTF_8);
    }
}
