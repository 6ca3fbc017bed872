package dev.phonehome.apk.resources;

import dev.phonehome.core.Problem;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The resources of an APK, enough to resolve labels, strings, string arrays and file references
 * (such as the network security config) in every configuration. Built by {@link ArscParser}.
 */
public final class ResourceTable {
    /** References followed before giving up: resources may point at each other in a loop. */
    public static final int MAX_REFERENCE_DEPTH = 16;
    private static final String DEFAULT = "default";

    /** Resource ids in ascending order; the values of {@code ids[i]} are {@code values[starts[i]..starts[i+1])}. */
    private final int[] ids;
    private final int[] starts;
    private final List<ResourceValue> values;
    private final SortedMap<Integer, String> names;
    /** {@code type/entry} name of {@code ids[i]}. */
    private final String[] nameById;
    private final Map<Integer, String> packages;
    private final Map<Integer, String> sharedLibraries;
    private final List<Problem> problems;

    /**
     * {@code values} in any order; each resource's values end up sorted by configuration (values
     * of one configuration keep their order). Sorted once here into arrays searched by id:
     * detectors resolve every resource of every app, and resource ids (package, type and entry
     * bits) spread badly over hash buckets.
     */
    ResourceTable(List<ResourceValue> values, SortedMap<Integer, String> names, Map<Integer, String> packages,
            Map<Integer, String> sharedLibraries, List<Problem> problems) {
        // Primitive keys (id, then position) sort far faster than comparing records.
        long[] keys = new long[values.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = (long) values.get(i).resourceId() << 32 | i;
        }
        Arrays.sort(keys);
        ResourceValue[] ordered = new ResourceValue[keys.length];
        int[] idArray = new int[keys.length];
        int[] startArray = new int[keys.length + 1];
        int count = 0;
        for (int start = 0, end; start < keys.length; start = end) {
            int id = (int) (keys[start] >> 32);
            for (end = start; end < keys.length && (int) (keys[end] >> 32) == id; end++) {
                ordered[end] = values.get((int) keys[end]);
            }
            Arrays.sort(ordered, start, end, Comparator.comparing(ResourceValue::config));
            idArray[count] = id;
            startArray[count++] = start;
        }
        startArray[count] = keys.length;
        this.ids = Arrays.copyOf(idArray, count);
        this.starts = Arrays.copyOf(startArray, count + 1);
        this.values = List.of(ordered);
        this.names = Collections.unmodifiableSortedMap(new TreeMap<>(names));
        this.nameById = new String[count];
        for (int i = 0; i < count; i++) {
            nameById[i] = names.getOrDefault(ids[i], "");
        }
        this.packages = Map.copyOf(packages);
        this.sharedLibraries = Map.copyOf(sharedLibraries);
        this.problems = List.copyOf(problems);
    }

    public static ResourceTable parse(byte[] arsc) throws ArscFormatException {
        return ArscParser.parse(arsc);
    }

    /** Reads the remaining bytes of {@code arsc}; the buffer is not modified. */
    public static ResourceTable parse(ByteBuffer arsc) throws ArscFormatException {
        return ArscParser.parse(arsc);
    }

    /** Every value of the resource, one per configuration, sorted by configuration. */
    public List<ResourceValue> resolve(int resId) {
        int at = Arrays.binarySearch(ids, resId);
        return at < 0 ? List.of() : values.subList(starts[at], starts[at + 1]);
    }

    /**
     * The text of each item of a bag such as a {@code <string-array>}, in order: string items as
     * they are, references to string resources resolved in the bag's configuration (else the
     * default); items that are neither are left out.
     */
    public List<String> stringItems(ResourceValue bag) {
        List<String> out = new ArrayList<>(bag.items().size());
        for (ResValue item : bag.items()) {
            if (item.isString()) {
                out.add(item.string());
            } else if (item.isReference()) {
                string(item.data(), bag.config()).ifPresent(out::add);
            }
        }
        return out;
    }

    /**
     * The text of a string resource in {@code preferredConfig} (a qualifier such as
     * {@code zh-rCN}), else in the default configuration, else in the first configuration;
     * references are followed up to {@link #MAX_REFERENCE_DEPTH}.
     */
    public Optional<String> string(int resId, String preferredConfig) {
        return pick(resId, preferredConfig).filter(ResValue::isString).map(ResValue::string);
    }

    /** The file path a resource names, e.g. {@code res/xml/network_security_config.xml}. */
    public Optional<String> fileReference(int resId) {
        return pick(resId, DEFAULT).filter(ResValue::isString).map(ResValue::string).filter(s -> s.startsWith("res/"));
    }

    /**
     * Every value of every resource with the resource's {@code type/entry} name, by id and, within
     * a resource, by configuration; what detectors that read a whole table walk.
     */
    public void forEachValue(BiConsumer<String, ResourceValue> action) {
        for (int i = 0; i < ids.length; i++) {
            for (int v = starts[i]; v < starts[i + 1]; v++) {
                action.accept(nameById[i], values.get(v));
            }
        }
    }

    /** The name as {@code type/entry}, e.g. {@code string/app_name}. */
    public Optional<String> name(int resId) {
        return Optional.ofNullable(names.get(resId));
    }

    /** Every resource id with its {@code type/entry} name, sorted by id. */
    public SortedMap<Integer, String> names() {
        return names;
    }

    /** Package ids and names of this table. */
    public Map<Integer, String> packages() {
        return packages;
    }

    /** Shared libraries the table's packages refer to, by assigned package id. */
    public Map<Integer, String> sharedLibraries() {
        return sharedLibraries;
    }

    public List<Problem> problems() {
        return problems;
    }

    private Optional<ResValue> pick(int resId, String preferredConfig) {
        int id = resId;
        for (int depth = 0; depth < MAX_REFERENCE_DEPTH; depth++) {
            List<ResourceValue> candidates = resolve(id);
            Optional<ResValue> chosen = candidates.stream().filter(v -> v.config().equals(preferredConfig)).findFirst()
                    .or(() -> candidates.stream().filter(v -> v.config().equals(DEFAULT)).findFirst())
                    .or(() -> candidates.stream().findFirst()).map(ResourceValue::value);
            if (chosen.isEmpty() || !chosen.get().isReference()) {
                return chosen;
            }
            id = chosen.get().data();
        }
        return Optional.empty();
    }
}
