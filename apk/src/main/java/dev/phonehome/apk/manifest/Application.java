package dev.phonehome.apk.manifest;

import java.util.List;

/**
 * The {@code <application>} element with Android's defaults applied.
 *
 * @param name                  application class, resolved against the package, or null
 * @param label                 literal label text, or null
 * @param labelResource         label string resource id, 0 when none
 * @param allowBackup           default true
 * @param usesCleartextTraffic  default true below target SDK 28
 * @param networkSecurityConfig {@code @xml/...} resource id, 0 when none
 */
public record Application(String name, String label, int labelResource, boolean debuggable, boolean allowBackup,
        boolean usesCleartextTraffic, int networkSecurityConfig, String appComponentFactory,
        List<Component> components, List<MetaData> metaData, List<Requirement> usesLibraries) {
    public Application {
        components = List.copyOf(components);
        metaData = List.copyOf(metaData);
        usesLibraries = List.copyOf(usesLibraries);
    }
}
