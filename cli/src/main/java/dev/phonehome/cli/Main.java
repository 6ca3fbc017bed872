package dev.phonehome.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code phonehome} command. */
@Command(name = "phonehome", mixinStandardHelpOptions = true, version = "phonehome 0.1.0",
        description = "What a phone's factory software contains, what personal data leaves the phone, where it goes.",
        subcommands = {})
public final class Main {
    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
