package dev.phonehome.apk.detect;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.phonehome.apk.dex.MethodRef;
import dev.phonehome.core.kb.MemberIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Analytics SDK methods that take an event name, property keys or a property container
 * (JSONObject, Map, Bundle), and the container methods that put a key; read from
 * {@code analytics-entry-points.json}, where each entry cites its source. The file ships with
 * the code, so a bad entry fails the load with an {@link IllegalStateException} naming it.
 */
final class AnalyticsEntryPoints {
    static final String RESOURCE = "analytics-entry-points.json";
    private static final Pattern DESCRIPTOR = Pattern.compile("L[A-Za-z_$][\\w$]*(?:/[A-Za-z_$][\\w$]*)*;");

    /**
     * One SDK method. Argument indices count parameters after the receiver; null when the
     * method has no such argument.
     *
     * @param event      index of the event name
     * @param properties index of the property container
     * @param key        index of a single property key
     */
    record EntryPoint(String sdk, String className, String method, Integer event, Integer properties, Integer key,
            String source) {
    }

    /** A container type whose methods starting with {@code methodPrefix} take a key first. */
    record Container(String className, String methodPrefix, String source) {
    }

    record Document(Integer schemaVersion, Map<String, String> sources, List<EntryPoint> entryPoints,
            List<Container> containers) {
    }

    private final MemberIndex<EntryPoint> byMethod;
    private final Map<String, Container> containers = new HashMap<>();
    private final List<EntryPoint> all;

    private AnalyticsEntryPoints(Document d) {
        all = List.copyOf(d.entryPoints());
        byMethod = MemberIndex.of(all, EntryPoint::className, EntryPoint::method);
        for (Container c : d.containers()) {
            containers.put(c.className(), c);
        }
    }

    /** The bundled entry points, validated. */
    static AnalyticsEntryPoints load() {
        try (InputStream in = AnalyticsEntryPoints.class.getResourceAsStream(RESOURCE)) {
            return parse(Objects.requireNonNull(in, RESOURCE + " is missing"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AnalyticsEntryPoints parse(InputStream in) throws IOException {
        Document d = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build().readValue(in, Document.class);
        check(d.schemaVersion() != null && d.schemaVersion() == 1, "schema_version", "must be 1");
        check(d.sources() != null && !d.sources().isEmpty(), "sources", "missing");
        check(d.entryPoints() != null && !d.entryPoints().isEmpty(), "entry_points", "missing");
        check(d.containers() != null && !d.containers().isEmpty(), "containers", "missing");
        for (EntryPoint e : d.entryPoints()) {
            String name = "entry point " + e.className() + "->" + e.method();
            check(e.sdk() != null && !e.sdk().isBlank(), name, "sdk missing");
            check(e.className() != null && DESCRIPTOR.matcher(e.className()).matches(), name, "class must be a descriptor");
            check(e.method() != null && !e.method().isBlank(), name, "method missing");
            check(e.event() != null || e.properties() != null || e.key() != null, name, "names no argument");
            for (Integer i : new Integer[] {e.event(), e.properties(), e.key()}) {
                check(i == null || i >= 0, name, "negative argument index");
            }
            check(d.sources().containsKey(e.source()), name, "unknown source '" + e.source() + "'");
        }
        for (Container c : d.containers()) {
            String name = "container " + c.className();
            check(c.className() != null && DESCRIPTOR.matcher(c.className()).matches(), name, "class must be a descriptor");
            check(c.methodPrefix() != null && !c.methodPrefix().isBlank(), name, "method_prefix missing");
            check(d.sources().containsKey(c.source()), name, "unknown source '" + c.source() + "'");
        }
        return new AnalyticsEntryPoints(d);
    }

    private static void check(boolean ok, String entry, String message) {
        if (!ok) {
            throw new IllegalStateException(RESOURCE + ": " + entry + ": " + message);
        }
    }

    /** The entry points {@code target} calls (any overload). */
    List<EntryPoint> lookup(MethodRef target) {
        return byMethod.get(target.owner(), target.name());
    }

    /** Whether {@code target} puts a key (its first argument) into a property container. */
    boolean putsKey(MethodRef target) {
        Container c = containers.get(target.owner());
        return c != null && target.name().startsWith(c.methodPrefix());
    }

    List<EntryPoint> all() {
        return all;
    }
}
