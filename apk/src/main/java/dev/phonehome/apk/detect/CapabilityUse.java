package dev.phonehome.apk.detect;

import dev.phonehome.apk.dex.MethodRef;
import dev.phonehome.core.finding.Evidence;
import dev.phonehome.core.finding.EvidenceLevel;
import dev.phonehome.core.finding.Finding;
import dev.phonehome.core.finding.Severity;
import dev.phonehome.core.kb.Capability;
import dev.phonehome.core.kb.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The uses of one capability by one method, turned into a finding. Severity follows the
 * knowledge base, with one refinement for SMS: a number recovered as a constant means the app,
 * not its user, chose the recipient; from a system app that is the silent SMS NCSC found in
 * Xiaomi Cloud ({@code capability.sms.silent}, HIGH), while SMS to numbers not known statically
 * (typed by the user, as messaging apps do) is one step below the hint.
 */
final class CapabilityUse {
    static final String SEND_SMS = "send_sms";
    /** Evidence items kept per finding; the {@code uses} attribute counts them all. */
    static final int SAMPLE = 5;
    /** Distinct constant-argument renderings kept per finding. */
    static final int MAX_CONSTANTS = 20;

    private final Capability capability;
    private final MethodRef caller;
    private final String sdk;
    private final List<Evidence> evidence = new ArrayList<>();
    private final Set<String> constants = new TreeSet<>();
    private boolean constantDestination;
    private int count;

    CapabilityUse(Capability capability, MethodRef caller, String sdk) {
        this.capability = capability;
        this.caller = caller;
        this.sdk = sdk;
    }

    void call(String location, String target, List<String> renderedConstants) {
        String rendered = String.join(", ", renderedConstants);
        add(Evidence.of("call", location, "calls " + target + (rendered.isEmpty() ? "" : " with " + rendered),
                rendered.isEmpty() ? target : rendered));
        for (String c : renderedConstants) {
            if (constants.size() < MAX_CONSTANTS) {
                constants.add(c);
            }
        }
        constantDestination |= renderedConstants.stream().anyMatch(c -> c.startsWith("0=\""));
    }

    void read(String location, String field) {
        add(Evidence.of("field", location, "reads " + field, field));
    }

    private void add(Evidence e) {
        count++;
        if (evidence.size() < SAMPLE) {
            evidence.add(e);
        }
    }

    Finding toFinding(AppContext app) {
        boolean sms = SEND_SMS.equals(capability.id());
        boolean silent = sms && constantDestination && app.systemApp();
        Map<String, String> attributes = new TreeMap<>();
        attributes.put("capability", capability.id());
        attributes.put("caller", caller.toString());
        attributes.put("uses", String.valueOf(count));
        if (capability.dataType() != null) {
            attributes.put("data_type", capability.dataType());
        }
        if (!constants.isEmpty()) {
            attributes.put("constant_args", String.join("; ", constants));
        }
        if (sdk != null) {
            attributes.put("in_sdk", sdk);
        }
        permissions(app, attributes);
        Severity severity = Severity.valueOf(capability.severity().name());
        if (sms && !constantDestination && severity.compareTo(Severity.INFO) > 0) {
            severity = Severity.values()[severity.ordinal() - 1];
        }
        if (silent) {
            severity = Severity.HIGH;
            attributes.put("silent_sms", "true");
        }
        String rule = silent ? "capability.sms.silent" : "capability." + capability.id();
        String title = (silent ? "System app sends SMS to a fixed number" : capability.title()) + " in "
                + caller.owner() + "->" + caller.name();
        return Finding.of(rule, app.subject(), capability.id() + " " + caller, title, severity,
                sdk == null ? EvidenceLevel.REFERENCED : EvidenceLevel.PRESENT, attributes, evidence);
    }

    /** Declared permissions among those the capability needs, with their protection level. */
    private void permissions(AppContext app, Map<String, String> attributes) {
        if (capability.permissions().isEmpty()) {
            return;
        }
        List<String> requested = app.manifest().map(m -> m.usesPermissionNames()).orElse(List.of());
        List<String> declared = new ArrayList<>();
        for (String p : capability.permissions()) {
            if (requested.contains(p)) {
                declared.add(p + app.kb().permissions().byName(p).map(CapabilityUse::protection).orElse(""));
            }
        }
        attributes.put("permission_declared", String.valueOf(!declared.isEmpty()));
        if (!declared.isEmpty()) {
            attributes.put("permissions", String.join(",", declared));
        }
    }

    private static String protection(Permission p) {
        List<String> parts = new ArrayList<>();
        parts.add(p.protection());
        parts.addAll(p.flags());
        return " (" + String.join("|", parts) + ")";
    }
}
