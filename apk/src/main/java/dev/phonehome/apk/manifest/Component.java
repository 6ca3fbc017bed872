package dev.phonehome.apk.manifest;

import java.util.List;

/**
 * An application component as Android will register it.
 *
 * @param kind             which element declared it
 * @param name             class name resolved against the package ({@code .Foo} → {@code pkg.Foo})
 * @param exported         whether other apps can reach it, explicit or implied
 * @param exportedExplicit whether {@code android:exported} was written
 * @param permission       permission a caller needs, or null
 * @param targetActivity   the aliased activity of an {@code activity-alias}, else null
 * @param authorities      a provider's authorities, else null
 */
public record Component(Kind kind, String name, boolean enabled, boolean exported, boolean exportedExplicit,
        String permission, String targetActivity, String authorities, List<IntentFilter> intentFilters,
        List<MetaData> metaData) {
    public Component {
        intentFilters = List.copyOf(intentFilters);
        metaData = List.copyOf(metaData);
    }

    public enum Kind {
        ACTIVITY("activity"), ACTIVITY_ALIAS("activity-alias"), SERVICE("service"), RECEIVER("receiver"),
        PROVIDER("provider");

        private final String element;

        Kind(String element) {
            this.element = element;
        }

        /** The manifest element name, e.g. {@code activity-alias}. */
        public String element() {
            return element;
        }
    }
}
