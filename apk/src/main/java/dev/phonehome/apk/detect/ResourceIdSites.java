package dev.phonehome.apk.detect;

import dev.phonehome.apk.dex.DexClass;
import dev.phonehome.apk.dex.DexFormatException;
import dev.phonehome.apk.dex.DexMethod;
import dev.phonehome.apk.dex.FieldRef;
import dev.phonehome.apk.dex.IndexKind;
import dev.phonehome.apk.dex.Instruction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the app's code names resources it loads: {@code getStringArray(R.array.words)} or
 * {@code openRawResource(R.raw.words)} compile to a {@code const} of the resource id in app
 * code (aapt's R fields are final there, so javac inlines them), and to an {@code sget} of the
 * field {@code R$array.words} in library code (non-final R fields). Both are looked for, for a
 * given set of resources only: decoding every method's code costs, so a detector asks only for
 * the resources it reports.
 */
final class ResourceIdSites {
    private static final int CONST_4 = 0x12;
    private static final int CONST_HIGH16 = 0x15;
    private static final int SGET = 0x60;

    private ResourceIdSites() {
    }

    /**
     * For each wanted resource (id → {@code type/entry} name), the methods naming it, in DEX, class
     * and code order, at most {@link StringSites#MAX_SITES_PER_STRING} each.
     */
    static Map<Integer, List<StringSites.Site>> of(List<AppContext.LocatedDex> dexes, Map<Integer, String> wanted) {
        Map<String, Integer> byField = new HashMap<>();
        wanted.forEach((id, name) -> byField.put(rField(name), id));
        Map<Integer, List<StringSites.Site>> found = new HashMap<>();
        for (AppContext.LocatedDex dex : dexes) {
            for (DexClass c : dex.index().classes()) {
                for (DexMethod m : c.methods()) {
                    for (Instruction insn : m.instructions()) {
                        Integer id = named(dex, insn, wanted, byField);
                        if (id != null) {
                            List<StringSites.Site> sites = found.computeIfAbsent(id, k -> new ArrayList<>());
                            if (sites.size() < StringSites.MAX_SITES_PER_STRING) {
                                sites.add(new StringSites.Site(dex.location(), c, m, insn.pc()));
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    /** The wanted resource {@code insn} names, or null. */
    private static Integer named(AppContext.LocatedDex dex, Instruction insn, Map<Integer, String> wanted,
            Map<String, Integer> byField) {
        int op = insn.opcode();
        if (op >= CONST_4 && op <= CONST_HIGH16) {
            int literal = (int) insn.literal();
            return wanted.containsKey(literal) ? literal : null;
        }
        if (op == SGET && insn.indexKind() == IndexKind.FIELD) {
            try {
                FieldRef f = dex.index().fieldRef(insn.index());
                return byField.get(typeOf(f.owner()) + "/" + f.name());
            } catch (DexFormatException e) {
                return null; // a bad field id names nothing; the indexer recorded it
            }
        }
        return null;
    }

    /** {@code Lcom/x/R$array;} → {@code array}; other classes give a name no resource has. */
    private static String typeOf(String owner) {
        int dollar = owner.lastIndexOf("R$");
        boolean rClass = dollar > 0 && owner.charAt(dollar - 1) == '/' && owner.endsWith(";");
        return rClass ? owner.substring(dollar + 2, owner.length() - 1) : "\u0000";
    }

    /** The R field key of a resource name: R fields replace '.' in names with '_'. */
    private static String rField(String name) {
        return name.replace('.', '_');
    }
}
