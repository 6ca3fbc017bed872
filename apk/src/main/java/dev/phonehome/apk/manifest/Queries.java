package dev.phonehome.apk.manifest;

import java.util.List;

/** The {@code <queries>} element: other apps this app wants to see (package visibility, Android 11+). */
public record Queries(List<String> packages, List<IntentFilter> intents, List<String> providerAuthorities) {
    public static final Queries NONE = new Queries(List.of(), List.of(), List.of());

    public Queries {
        packages = List.copyOf(packages);
        intents = List.copyOf(intents);
        providerAuthorities = List.copyOf(providerAuthorities);
    }
}
