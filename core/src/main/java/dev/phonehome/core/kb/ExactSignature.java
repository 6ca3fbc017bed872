package dev.phonehome.core.kb;

import java.util.List;
import java.util.function.Function;

/** Tracker facts matched by exact name, as a detector finds them in a manifest or an APK. */
public enum ExactSignature {
    MANIFEST_COMPONENT(Tracker::manifestComponents),
    MANIFEST_META_DATA(Tracker::manifestMetaData),
    NATIVE_LIBRARY(Tracker::nativeLibraries),
    SYSTEM_PACKAGE(Tracker::systemPackages);

    private final Function<Tracker, List<SourcedValue>> values;

    ExactSignature(Function<Tracker, List<SourcedValue>> values) {
        this.values = values;
    }

    List<SourcedValue> of(Tracker tracker) {
        return values.apply(tracker);
    }
}
