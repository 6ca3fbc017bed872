package dev.phonehome.apk.scan;

import dev.phonehome.apk.manifest.AndroidManifest;
import dev.phonehome.apk.manifest.Application;
import dev.phonehome.apk.manifest.Component;
import dev.phonehome.apk.manifest.MetaData;
import dev.phonehome.apk.manifest.Permissions;
import dev.phonehome.apk.manifest.Queries;
import dev.phonehome.apk.manifest.Requirement;
import dev.phonehome.apk.resources.ResourceTable;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The manifest as the scan document shows it: decoded facts only, resource ids written as
 * {@code @0x7f...}, no raw XML tree. The full tree stays available to detectors through
 * {@link AndroidManifest#xml()}.
 */
public record ManifestView(String packageName, long versionCode, String versionName, int minSdk, int targetSdk,
        OptionalInt compileSdk, Optional<String> sharedUserId, boolean platformSharedUser,
        ApplicationView application, List<PermissionUse> usesPermissions, List<PermissionDeclaration> permissions,
        List<Requirement> usesFeatures, Queries queries) {

    /** A requested permission; {@code maxSdk} only when the manifest limits it. */
    public record PermissionUse(String name, OptionalInt maxSdk) {
    }

    /** A permission the app defines, with its protection level spelled out ({@code signature|privileged}). */
    public record PermissionDeclaration(String name, String protectionLevel, Optional<String> group) {
    }

    /** Application-wide flags, as Android applies them (defaults already resolved). */
    public record ApplicationView(Optional<String> name, Optional<String> label, boolean debuggable,
            boolean allowBackup, boolean usesCleartextTraffic, Optional<String> networkSecurityConfig,
            List<Component> components, List<MetaData> metaData, List<Requirement> usesLibraries) {
    }

    /** The view of {@code m}; resource references are resolved through {@code resources} when possible. */
    public static ManifestView of(AndroidManifest m, Optional<ResourceTable> resources) {
        Application a = m.application();
        Optional<String> nsc = a.networkSecurityConfig() == 0 ? Optional.empty()
                : resources.flatMap(r -> r.fileReference(a.networkSecurityConfig()))
                        .or(() -> resource(a.networkSecurityConfig()));
        ApplicationView app = new ApplicationView(text(a.name()), label(m, resources).or(() -> resource(a.labelResource())),
                a.debuggable(), a.allowBackup(), a.usesCleartextTraffic(), nsc,
                a.components(), a.metaData(), a.usesLibraries());
        List<PermissionUse> uses = m.usesPermissions().stream().map(ManifestView::use).toList();
        List<PermissionDeclaration> declared = m.permissions().stream().map(ManifestView::declaration).toList();
        return new ManifestView(m.packageName(), m.versionCode(), m.versionName(), m.minSdk(), m.targetSdk(),
                m.compileSdk(), text(m.sharedUserId()), m.platformSharedUser().isPresent(), app, uses, declared,
                m.usesFeatures(), m.queries());
    }

    /** The app label: the literal, or the default-configuration string the label resource names. */
    public static Optional<String> label(AndroidManifest m, Optional<ResourceTable> resources) {
        Application a = m.application();
        if (a.label() != null && !a.label().isEmpty()) {
            return Optional.of(a.label());
        }
        return a.labelResource() == 0 ? Optional.empty()
                : resources.flatMap(r -> r.string(a.labelResource(), "default"));
    }

    private static PermissionUse use(Permissions.Requested r) {
        return new PermissionUse(r.name(), r.maxSdkVersion() > 0 ? OptionalInt.of(r.maxSdkVersion()) : OptionalInt.empty());
    }

    private static PermissionDeclaration declaration(Permissions.Declared d) {
        return new PermissionDeclaration(d.name(), String.join("|", d.protectionLevelNames()), text(d.permissionGroup()));
    }

    private static Optional<String> text(String s) {
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static Optional<String> resource(int id) {
        return id == 0 ? Optional.empty() : Optional.of(String.format("@0x%08x", id));
    }
}
