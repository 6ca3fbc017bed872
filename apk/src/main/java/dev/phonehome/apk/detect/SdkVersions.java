package dev.phonehome.apk.detect;

import dev.phonehome.apk.dex.DexClass;
import dev.phonehome.apk.dex.DexFormatException;
import dev.phonehome.apk.dex.DexMethod;
import dev.phonehome.apk.dex.FieldRef;
import dev.phonehome.apk.dex.Instruction;
import dev.phonehome.apk.dex.StaticValue;
import dev.phonehome.core.kb.Tracker;
import dev.phonehome.core.kb.VersionHint;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The version of an embedded SDK, read from the static field its knowledge-base version hint
 * names: the field's declared initial value (a {@code static final} constant), else a string
 * constant that the class initialiser stores into it. Nothing is executed.
 */
final class SdkVersions {
    /** Longest version string reported; longer values are not versions. */
    static final int MAX_LENGTH = 64;

    private SdkVersions() {
    }

    /** The version of {@code tracker} in {@code app}, with where it was read, when a hint leads to one. */
    static Optional<Found> version(AppContext app, Tracker tracker) {
        for (VersionHint hint : tracker.versionHints()) {
            String descriptor = "L" + hint.className().replace('.', '/') + ";";
            for (AppContext.LocatedDex dex : app.dex()) {
                for (DexClass c : dex.index().classes()) {
                    if (c.descriptor().equals(descriptor)) {
                        Optional<String> v = declared(dex, c, hint.field()).or(() -> initialised(dex, c, hint.field()));
                        if (v.isPresent()) {
                            return Optional.of(new Found(v.get(), dex.location() + " " + descriptor + "->"
                                    + hint.field()));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A version and the field it was read from. */
    record Found(String version, String location) {
    }

    private static Optional<String> declared(AppContext.LocatedDex dex, DexClass c, String field) {
        try {
            for (StaticValue v : dex.index().staticValues(c)) {
                if (v.field().name().equals(field) && v.value() instanceof String s) {
                    return plausible(s);
                }
            }
        } catch (DexFormatException e) {
            // A class whose values cannot be read may still set the field in <clinit>.
        }
        return Optional.empty();
    }

    private static Optional<String> initialised(AppContext.LocatedDex dex, DexClass c, String field) {
        AtomicReference<String> found = new AtomicReference<>();
        for (DexMethod m : c.methods()) {
            if (m.ref().name().equals("<clinit>")) {
                ConstantPropagation.run(dex.index(), m, new ConstantPropagation.Listener() {
                    @Override
                    public void staticPut(Instruction insn, FieldRef f, Object value) {
                        if (f.owner().equals(c.descriptor()) && f.name().equals(field) && value instanceof String s) {
                            found.compareAndSet(null, s);
                        }
                    }
                });
            }
        }
        return Optional.ofNullable(found.get()).flatMap(SdkVersions::plausible);
    }

    private static Optional<String> plausible(String s) {
        return s.isBlank() || s.length() > MAX_LENGTH ? Optional.empty() : Optional.of(s);
    }
}
