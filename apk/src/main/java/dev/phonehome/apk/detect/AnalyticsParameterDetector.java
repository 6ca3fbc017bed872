package dev.phonehome.apk.detect;

import dev.phonehome.apk.dex.CallSite;
import dev.phonehome.apk.dex.DexClass;
import dev.phonehome.apk.dex.DexMethod;
import dev.phonehome.apk.dex.Instruction;
import dev.phonehome.apk.dex.MethodRef;
import dev.phonehome.core.finding.Evidence;
import dev.phonehome.core.finding.EvidenceLevel;
import dev.phonehome.core.finding.Finding;
import dev.phonehome.core.finding.Severity;
import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.core.kb.Tracker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The event names and property keys that an app's own code hands to analytics SDKs: the static
 * counterpart of the parameters NCSC saw Mi Browser send to Sensors Data. At each call of an
 * entry point of {@link AnalyticsEntryPoints}, the constant event name and key arguments are
 * taken, and when the call passes a property container, the constant keys put earlier in the
 * same method into that JSONObject, Map or Bundle; when propagation lost track of which object
 * it is (a branch in between), the keys put into any container of the method so far. One
 * {@code analytics.parameters} finding per SDK.
 * Code inside known SDKs is skipped: what an SDK collects by itself is not what the app chose.
 */
public final class AnalyticsParameterDetector implements Detector {
    /** Evidence items kept per SDK; the {@code calls} attribute counts them all. */
    static final int SAMPLE = 10;
    /** Names kept per SDK and kind, so a hostile app cannot grow a finding without bound. */
    static final int MAX_NAMES = 1000;

    /** Stands for containers whose identity propagation lost. */
    private static final Object UNKNOWN = new Object();

    private final AnalyticsEntryPoints entryPoints = AnalyticsEntryPoints.load();

    @Override
    public String id() {
        return "analytics";
    }

    @Override
    public List<Finding> detect(AppContext app) {
        KnowledgeBase kb = app.kb();
        Map<String, Parameters> bySdk = new TreeMap<>();
        for (AppContext.LocatedDex dex : app.dex()) {
            for (DexClass c : dex.index().classes()) {
                if (!kb.codeSignatures().match(c.descriptor()).isEmpty()) {
                    continue;
                }
                for (DexMethod m : c.methods()) {
                    if (callsEntryPoint(m)) {
                        scan(dex, m, bySdk);
                    }
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        bySdk.forEach((sdk, p) -> findings.add(p.toFinding(app.subject(), sdk, kb)));
        return findings;
    }

    private boolean callsEntryPoint(DexMethod m) {
        for (CallSite call : m.calls()) {
            if (!entryPoints.lookup(call.target()).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private void scan(AppContext.LocatedDex dex, DexMethod m, Map<String, Parameters> bySdk) {
        Map<Object, Set<String>> keysByContainer = new HashMap<>();
        ConstantPropagation.run(dex.index(), m, new ConstantPropagation.Listener() {
            @Override
            public void invoke(Instruction insn, MethodRef target, Object[] arguments) {
                boolean receiver = ConstantPropagation.hasReceiver(insn.invokeKind());
                List<String> parameters = ConstantPropagation.parameters(target.descriptor());
                if (entryPoints.putsKey(target) && receiver && arguments.length > 0) {
                    String key = constant(parameters, 0, receiver, arguments);
                    Object container = arguments[0] == null ? UNKNOWN : arguments[0];
                    Set<String> keys = keysByContainer.computeIfAbsent(container, k -> new TreeSet<>());
                    if (key != null && keys.size() < MAX_NAMES) {
                        keys.add(key);
                    }
                }
                for (AnalyticsEntryPoints.EntryPoint e : entryPoints.lookup(target)) {
                    Parameters p = bySdk.computeIfAbsent(e.sdk(), k -> new Parameters());
                    String event = e.event() == null ? null : constant(parameters, e.event(), receiver, arguments);
                    String key = e.key() == null ? null : constant(parameters, e.key(), receiver, arguments);
                    int slot = e.properties() == null ? -1
                            : ConstantPropagation.slot(parameters, e.properties(), receiver);
                    Set<String> keys = new TreeSet<>();
                    if (key != null) {
                        keys.add(key);
                    }
                    boolean container = slot >= 0 && slot < arguments.length
                            && !parameters.get(e.properties()).equals("Ljava/lang/String;");
                    if (container) {
                        Object passed = arguments[slot];
                        if (passed instanceof ConstantPropagation.Allocation) {
                            keys.addAll(keysByContainer.getOrDefault(passed, Set.of()));
                        } else {
                            keysByContainer.values().forEach(keys::addAll);
                        }
                    }
                    p.call(dex.location() + " " + m.ref() + " @0x" + Integer.toHexString(insn.pc()), target, event,
                            keys);
                }
            }
        });
    }

    private static String constant(List<String> parameters, int index, boolean receiver, Object[] arguments) {
        int slot = ConstantPropagation.slot(parameters, index, receiver);
        return slot >= 0 && slot < arguments.length && arguments[slot] instanceof String s ? s : null;
    }

    /** What app code passes to one SDK. */
    private static final class Parameters {
        final Set<String> events = new TreeSet<>();
        final Set<String> keys = new TreeSet<>();
        final List<Evidence> evidence = new ArrayList<>();
        int calls;

        void call(String location, MethodRef target, String event, Set<String> callKeys) {
            calls++;
            if (event != null && events.size() < MAX_NAMES) {
                events.add(event);
            }
            for (String k : callKeys) {
                if (keys.size() < MAX_NAMES) {
                    keys.add(k);
                }
            }
            if (evidence.size() < SAMPLE) {
                String detail = "calls " + target + (event == null ? "" : " event \"" + event + "\"")
                        + (callKeys.isEmpty() ? "" : " keys " + String.join(",", callKeys));
                evidence.add(Evidence.of("call", location, detail, event == null ? target.toString() : event));
            }
        }

        Finding toFinding(String subject, String sdk, KnowledgeBase kb) {
            Map<String, String> attributes = new TreeMap<>();
            attributes.put("sdk", sdk);
            attributes.put("calls", String.valueOf(calls));
            attributes.put("event_count", String.valueOf(events.size()));
            attributes.put("key_count", String.valueOf(keys.size()));
            attributes.put("events", String.join(",", events));
            attributes.put("keys", String.join(",", keys));
            String name = kb.trackers().byId(sdk).map(Tracker::name).orElse(sdk);
            String title = "App code sends " + events.size() + " event names and " + keys.size()
                    + " property keys to " + name;
            return Finding.of("analytics.parameters", subject, sdk, title, Severity.LOW, EvidenceLevel.REFERENCED,
                    attributes, evidence);
        }
    }
}
