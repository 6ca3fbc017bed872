package dev.phonehome.apk.detect;

import dev.phonehome.apk.dex.DexClass;
import dev.phonehome.apk.dex.DexMethod;
import dev.phonehome.apk.dex.StringUse;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Where the app's code loads its string constants: each {@code const-string} with the method
 * that loads it. Lets a finding name the code behind a URL or a file name; detectors keep only
 * the strings they want.
 */
final class StringSites {
    /** Methods kept per string; more are counted by callers through the string's own evidence. */
    static final int MAX_SITES_PER_STRING = 16;

    /** A method that loads a string constant, and the DEX it lies in. */
    record Site(String dex, DexClass cls, DexMethod method, int pc) {
        /** e.g. {@code classes.dex Lcom/x/Y;->load()V @0x4}, what evidence locations show. */
        String label() {
            return dex + " " + method.ref() + " @0x" + Integer.toHexString(pc);
        }
    }

    private StringSites() {
    }

    /** Calls {@code action} for every const-string of every method, in DEX, class and code order. */
    static void forEachUse(List<AppContext.LocatedDex> dexes, BiConsumer<StringUse, Site> action) {
        for (AppContext.LocatedDex dex : dexes) {
            for (DexClass c : dex.index().classes()) {
                for (DexMethod m : c.methods()) {
                    for (StringUse use : m.strings()) {
                        action.accept(use, new Site(dex.location(), c, m, use.pc()));
                    }
                }
            }
        }
    }
}
