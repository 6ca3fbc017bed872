package dev.phonehome.core.kb;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Facts about device identifiers that the personal-data matcher relies on: the values platforms
 * and SDKs send in place of a real identifier, and the reporting bodies whose IMEI prefixes an
 * IMEI found without a profile must start with.
 */
public final class IdentifierFacts {
    static final String FILE = "kb/identifiers.json";

    private static final Pattern TWO_DIGITS = Pattern.compile("[0-9]{2}");

    private final Set<String> placeholders;
    private final Set<String> imeiReportingBodies;

    private IdentifierFacts(Set<String> placeholders, Set<String> imeiReportingBodies) {
        this.placeholders = Set.copyOf(placeholders);
        this.imeiReportingBodies = Set.copyOf(imeiReportingBodies);
    }

    /** A value sent instead of an identifier, with why. */
    record Placeholder(String value, String note, List<Provenance> provenance) {
    }

    /** A GSMA reporting body, by the first two digits of the TACs it allocates. */
    record ReportingBody(String prefix, String name, List<Provenance> provenance) {
    }

    record Document(Integer schemaVersion, String kbVersion, FileProvenance provenance,
                    List<Placeholder> placeholders, List<ReportingBody> imeiReportingBodies) implements KbDocument {
    }

    static IdentifierFacts parse(String file, InputStream in, String kbVersion) {
        Document document = KbFiles.read(file, in, Document.class, kbVersion);
        EntryChecks checks = new EntryChecks(file, document);
        List<Placeholder> placeholders = checks.nonEmpty(document.placeholders(), "placeholders", "placeholders");
        checks.unique(placeholders, Placeholder::value, "placeholder");
        for (Placeholder p : placeholders) {
            String entry = "placeholder '" + p.value() + "'";
            checks.require(p.value().equals(p.value().strip().toLowerCase(Locale.ROOT)), entry,
                    "value must be lower case without surrounding spaces (matching ignores case)");
            checks.text(p.note(), entry, "note");
            checks.provenance(p.provenance(), entry);
        }
        List<ReportingBody> bodies = checks.nonEmpty(document.imeiReportingBodies(), "imei_reporting_bodies",
                "imei_reporting_bodies");
        checks.unique(bodies, ReportingBody::prefix, "reporting body");
        for (ReportingBody b : bodies) {
            String entry = "reporting body '" + b.prefix() + "'";
            checks.require(TWO_DIGITS.matcher(b.prefix()).matches(), entry, "prefix must be two digits");
            checks.text(b.name(), entry, "name");
            checks.provenance(b.provenance(), entry);
        }
        return new IdentifierFacts(placeholders.stream().map(Placeholder::value).collect(Collectors.toSet()),
                bodies.stream().map(ReportingBody::prefix).collect(Collectors.toSet()));
    }

    /** Placeholder values, lower case (compare with a value's lower-case form). */
    public Set<String> placeholders() {
        return placeholders;
    }

    /** The two-digit reporting-body prefixes of IMEIs that phones in use carry. */
    public Set<String> imeiReportingBodies() {
        return imeiReportingBodies;
    }
}
