package dev.phonehome.core.kb;

import java.util.List;

/**
 * A tracker or telemetry SDK and the signatures that reveal it.
 *
 * <p>Code prefixes are Java dotted names. A prefix ending in {@code .} covers a whole package;
 * one without covers that package or class and anything nested in it ({@code .} or {@code $}
 * follows), never a longer identifier: {@code com.umeng} does not match {@code com.umengx}.
 *
 * @param id                 stable slug
 * @param name               display name
 * @param organisation       id of the owning {@link Organisation}
 * @param categories         Exodus categories, plus {@code Push}
 * @param codePrefixes       package/class prefixes
 * @param codeRegexes        class-name regexes, only where a prefix cannot say it
 * @param domains            domain suffixes, matched on label boundaries
 * @param hostRegexes        host regexes (searched, not anchored), only where a suffix cannot say it
 * @param urlPatterns        known endpoint URLs
 * @param manifestComponents component class names declared in AndroidManifest.xml
 * @param manifestMetaData   {@code <meta-data>} names
 * @param nativeLibraries    shared-library file names
 * @param systemPackages     OEM system package names that carry the SDK
 * @param versionHints       where the SDK keeps its version string
 * @param notes              caveats from the sources or the import
 * @param provenance         sources of the entry
 */
public record Tracker(String id, String name, String organisation, List<String> categories,
                      List<SourcedValue> codePrefixes, List<SourcedValue> codeRegexes,
                      List<SourcedValue> domains, List<SourcedValue> hostRegexes,
                      List<SourcedValue> urlPatterns, List<SourcedValue> manifestComponents,
                      List<SourcedValue> manifestMetaData, List<SourcedValue> nativeLibraries,
                      List<SourcedValue> systemPackages, List<VersionHint> versionHints,
                      List<String> notes, List<Provenance> provenance) {
    public Tracker {
        categories = copy(categories);
        codePrefixes = copy(codePrefixes);
        codeRegexes = copy(codeRegexes);
        domains = copy(domains);
        hostRegexes = copy(hostRegexes);
        urlPatterns = copy(urlPatterns);
        manifestComponents = copy(manifestComponents);
        manifestMetaData = copy(manifestMetaData);
        nativeLibraries = copy(nativeLibraries);
        systemPackages = copy(systemPackages);
        versionHints = copy(versionHints);
        notes = copy(notes);
        provenance = provenance == null ? null : List.copyOf(provenance);
    }

    /** Optional lists may be left out of the file; they read as empty. */
    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
