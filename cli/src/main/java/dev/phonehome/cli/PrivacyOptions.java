package dev.phonehome.cli;

import dev.phonehome.core.device.DeviceProfile;
import dev.phonehome.core.device.DeviceProfiles;
import dev.phonehome.core.geo.Geodata;
import dev.phonehome.core.geo.GeodataLocation;
import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.traffic.destination.DestinationResolver;
import dev.phonehome.traffic.pii.PersonalDataMatcher;
import dev.phonehome.traffic.privacy.PrivacyAnalyzer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options that say whose phone a capture is of ({@code --device}) and where geodata lives. */
final class PrivacyOptions {
    @Option(names = "--device", paramLabel = "FILE",
            description = "Device profile (device.yaml): identifiers to search the traffic for, and device facts.")
    Path deviceFile;

    @Option(names = "--geodata", paramLabel = "DIR",
            description = "Geodata directory written by 'phonehome data update' (default: the installation's data/geo, or $PHONEHOME_DATA/geo).")
    Path geodataDir;

    /** The device profile, when one was given; a bad file throws {@code DeviceProfileException} naming it. */
    Optional<DeviceProfile> profile() {
        return deviceFile == null ? Optional.empty() : Optional.of(DeviceProfiles.read(deviceFile));
    }

    Geodata geodata() {
        return Geodata.open(geodataDir != null ? geodataDir : GeodataLocation.defaultDirectory(System.getenv()));
    }

    /**
     * A fresh analyzer for one capture. Exchanges whose time is unreadable are judged on today's
     * date; captures record times, so this does not touch determinism in practice.
     */
    static PrivacyAnalyzer analyzer(KnowledgeBase kb, Optional<DeviceProfile> profile, Geodata geodata) {
        PersonalDataMatcher matcher = PersonalDataMatcher.of(profile.orElse(DeviceProfile.EMPTY), kb);
        return new PrivacyAnalyzer(kb, matcher, new DestinationResolver(kb, geodata), LocalDate.now(ZoneOffset.UTC));
    }
}
