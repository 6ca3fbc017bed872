package dev.phonehome.cli;

import picocli.CommandLine.Model.CommandSpec;

/** The tool version reports carry. */
final class Versions {
    private Versions() {
    }

    /** "0.1.0" out of the root command's version line "phonehome 0.1.0". */
    static String number(CommandSpec spec) {
        String line = spec.root().version()[0];
        return line.substring(line.lastIndexOf(' ') + 1);
    }
}
