package dev.phonehome.apk.detect;

import dev.phonehome.apk.dex.CallSite;
import dev.phonehome.apk.dex.DexClass;
import dev.phonehome.apk.dex.DexFormatException;
import dev.phonehome.apk.dex.DexIndex;
import dev.phonehome.apk.dex.DexMethod;
import dev.phonehome.apk.dex.FieldRef;
import dev.phonehome.apk.dex.Instruction;
import dev.phonehome.apk.dex.MethodRef;
import dev.phonehome.core.finding.Finding;
import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.core.kb.RiskyApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Calls and static field reads of the risky Android APIs of the knowledge base, one finding
 * per capability and calling method ({@code capability.<id>}, or {@code capability.sms.silent}
 * for a system app texting a fixed number). Constant arguments are recovered by
 * {@link ConstantPropagation}: an API with an argument condition (e.g. {@code Settings.Secure
 * .getString} with {@code "android_id"}) counts only when the constant satisfies it, and the
 * constants of every use are cited. APIs that merely obtain a manager ({@code acquisition}
 * role, e.g. {@code SmsManager.getDefault}) are not findings on their own.
 */
public final class CapabilityDetector implements Detector {
    @Override
    public String id() {
        return "capability";
    }

    @Override
    public List<Finding> detect(AppContext app) {
        KnowledgeBase kb = app.kb();
        Map<String, CapabilityUse> uses = new TreeMap<>();
        for (AppContext.LocatedDex dex : app.dex()) {
            boolean riskyFields = refersToRiskyField(dex.index(), kb);
            for (DexClass c : dex.index().classes()) {
                String sdk = kb.codeSignatures().match(c.descriptor()).stream().map(m -> m.tracker().id())
                        .findFirst().orElse(null);
                for (DexMethod m : c.methods()) {
                    if (riskyFields || callsRiskyApi(m, kb)) {
                        scan(app, dex, m, sdk, uses);
                    }
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (CapabilityUse use : uses.values()) {
            findings.add(use.toFinding(app));
        }
        return findings;
    }

    private static void scan(AppContext app, AppContext.LocatedDex dex, DexMethod m, String sdk,
            Map<String, CapabilityUse> uses) {
        KnowledgeBase kb = app.kb();
        ConstantPropagation.run(dex.index(), m, new ConstantPropagation.Listener() {
            @Override
            public void invoke(Instruction insn, MethodRef target, Object[] arguments) {
                for (RiskyApi api : kb.riskyApis().lookup(target.owner(), target.name(), target.descriptor())) {
                    if (api.kind() != RiskyApi.Kind.METHOD || !"use".equals(api.role())) {
                        continue;
                    }
                    boolean receiver = ConstantPropagation.hasReceiver(insn.invokeKind());
                    List<String> parameters = ConstantPropagation.parameters(target.descriptor());
                    List<String> constants = constants(parameters, receiver, arguments);
                    if (api.argument() != null) {
                        int slot = ConstantPropagation.slot(parameters, api.argument().index(), receiver);
                        Object value = slot >= 0 && slot < arguments.length ? arguments[slot] : null;
                        if (!(value instanceof String s) || !api.argument().accepts(s)) {
                            continue;
                        }
                    }
                    use(api).call(location(insn), target.toString(), constants);
                }
            }

            @Override
            public void staticField(Instruction insn, FieldRef field) {
                for (RiskyApi api : kb.riskyApis().lookup(field.owner(), field.name(), field.type())) {
                    if (api.kind() == RiskyApi.Kind.FIELD && "use".equals(api.role())) {
                        use(api).read(location(insn), field.toString());
                    }
                }
            }

            private CapabilityUse use(RiskyApi api) {
                return uses.computeIfAbsent(api.capability() + " " + m.ref(),
                        k -> new CapabilityUse(kb.riskyApis().capability(api.capability()).orElseThrow(), m.ref(),
                                sdk));
            }

            private String location(Instruction insn) {
                return dex.location() + " " + m.ref() + " @0x" + Integer.toHexString(insn.pc());
            }
        });
    }

    /**
     * Rendered constant parameters, {@code 0="+86106..."}: strings, and numbers passed as
     * primitives (a zero passed for an object is {@code null}, which says nothing).
     */
    static List<String> constants(List<String> parameters, boolean receiver, Object[] arguments) {
        List<String> out = new ArrayList<>();
        for (int p = 0; p < parameters.size(); p++) {
            int slot = ConstantPropagation.slot(parameters, p, receiver);
            Object v = slot < arguments.length ? arguments[slot] : null;
            boolean primitive = parameters.get(p).length() == 1;
            if (v instanceof String s) {
                out.add(p + "=\"" + s + "\"");
            } else if (v != null && primitive) {
                out.add(p + "=" + v);
            }
        }
        return out;
    }

    private static boolean callsRiskyApi(DexMethod m, KnowledgeBase kb) {
        for (CallSite call : m.calls()) {
            MethodRef t = call.target();
            if (!kb.riskyApis().lookup(t.owner(), t.name(), t.descriptor()).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the DEX names a risky field at all; only then are all methods decoded for field reads. */
    private static boolean refersToRiskyField(DexIndex index, KnowledgeBase kb) {
        for (int i = 0; i < index.fieldCount(); i++) {
            try {
                FieldRef f = index.fieldRef(i);
                if (!kb.riskyApis().lookup(f.owner(), f.name(), f.type()).isEmpty()) {
                    return true;
                }
            } catch (DexFormatException e) {
                // A bad field id names nothing; the indexer recorded it if code uses it.
            }
        }
        return false;
    }
}
