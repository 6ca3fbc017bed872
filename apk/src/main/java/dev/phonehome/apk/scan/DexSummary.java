package dev.phonehome.apk.scan;

import dev.phonehome.apk.detect.AppContext;
import dev.phonehome.apk.dex.DexIndex;
import java.util.List;

/**
 * What a scan report says about one DEX file of an app.
 *
 * @param entry    where it was: {@code classes2.dex}, or {@code assets/plugin.jar!/classes.dex}
 * @param version  DEX format version (35..41)
 * @param classes  classes defined
 * @param methods  methods defined with code or abstract/native, over all classes
 * @param strings  entries of the string table
 */
public record DexSummary(String entry, int version, int classes, int methods, int strings) {

    static DexSummary of(AppContext.LocatedDex dex) {
        DexIndex index = dex.index();
        int methods = index.classes().stream().mapToInt(c -> c.methods().size()).sum();
        return new DexSummary(dex.location(), index.version(), index.classes().size(), methods, index.stringCount());
    }

    static List<DexSummary> sorted(List<DexSummary> list) {
        return list.stream().sorted(java.util.Comparator.comparing(DexSummary::entry)).toList();
    }
}
