package dev.phonehome.testkit.axml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal resources.arsc: one package (id 0x7f) of string-valued resources in the default
 * configuration and in locale configurations ({@code de}, {@code zh-rCN}), and string arrays
 * (complex entries whose items are strings or references to string resources) in the default
 * configuration. Enough for app labels, file references such as
 * {@code res/xml/network_security_config.xml} and {@code <string-array>} lists.
 *
 * <pre>{@code
 * ResourcesArscWriter res = new ResourcesArscWriter("com.example");
 * int label = res.string("string", "app_name", "Messages");
 * res.translate(label, "de", "Nachrichten");
 * byte[] arsc = res.build();
 * }</pre>
 */
public final class ResourcesArscWriter {
    private static final int PACKAGE_ID = 0x7f;
    private static final int CONFIG_SIZE = 64;
    private static final int NO_ENTRY = -1;

    private final String packageName;
    private final Map<String, List<String>> entryNames = new LinkedHashMap<>();
    /** config → resource id → value. */
    private final Map<String, Map<Integer, String>> values = new LinkedHashMap<>();
    /** Array resource id → items, each a String or an Integer resource id (a reference). */
    private final Map<Integer, List<Object>> arrays = new LinkedHashMap<>();

    public ResourcesArscWriter(String packageName) {
        this.packageName = packageName;
        values.put("default", new LinkedHashMap<>());
    }

    /** Adds a resource of {@code type} (e.g. {@code string}, {@code xml}) with its default value; returns its id. */
    public int string(String type, String name, String defaultValue) {
        List<String> names = entryNames.computeIfAbsent(type, t -> new ArrayList<>());
        names.add(name);
        int typeIndex = new ArrayList<>(entryNames.keySet()).indexOf(type);
        int id = PACKAGE_ID << 24 | (typeIndex + 1) << 16 | (names.size() - 1);
        values.get("default").put(id, defaultValue);
        return id;
    }

    /** Adds an {@code array/NAME} resource of string items in the default configuration; returns its id. */
    public int stringArray(String name, List<String> items) {
        return array(name, new ArrayList<>(items));
    }

    /** Adds an {@code array/NAME} resource whose items reference the given string resources. */
    public int arrayOfReferences(String name, List<Integer> resourceIds) {
        return array(name, new ArrayList<>(resourceIds));
    }

    private int array(String name, List<Object> items) {
        List<String> names = entryNames.computeIfAbsent("array", t -> new ArrayList<>());
        names.add(name);
        int typeIndex = new ArrayList<>(entryNames.keySet()).indexOf("array");
        int id = PACKAGE_ID << 24 | (typeIndex + 1) << 16 | (names.size() - 1);
        arrays.put(id, items);
        return id;
    }

    /** The value of an existing resource in a locale configuration: {@code de} or {@code zh-rCN}. */
    public ResourcesArscWriter translate(int resourceId, String locale, String value) {
        values.computeIfAbsent(locale, l -> new LinkedHashMap<>()).put(resourceId, value);
        return this;
    }

    public byte[] build() {
        List<String> globalStrings = new ArrayList<>();
        values.values().forEach(m -> globalStrings.addAll(m.values()));
        Map<String, Integer> arrayStrings = new LinkedHashMap<>();
        arrays.values().forEach(items -> items.stream().filter(String.class::isInstance).map(String.class::cast)
                .forEach(item -> arrayStrings.computeIfAbsent(item, k -> globalStrings.size() + arrayStrings.size())));
        globalStrings.addAll(arrayStrings.keySet());
        List<String> keys = new ArrayList<>();
        entryNames.values().forEach(keys::addAll);
        byte[] typePool = pool(new ArrayList<>(entryNames.keySet()));
        byte[] keyPool = pool(keys);
        AxmlWriter.Chunks types = new AxmlWriter.Chunks();
        int typeId = 0;
        int globalIndex = 0;
        int keyBase = 0;
        Map<String, Map<Integer, Integer>> stringIndex = new LinkedHashMap<>();
        for (Map.Entry<String, Map<Integer, String>> config : values.entrySet()) {
            Map<Integer, Integer> indices = new LinkedHashMap<>();
            for (Integer id : config.getValue().keySet()) {
                indices.put(id, globalIndex++);
            }
            stringIndex.put(config.getKey(), indices);
        }
        for (Map.Entry<String, List<String>> type : entryNames.entrySet()) {
            typeId++;
            int count = type.getValue().size();
            AxmlWriter.Chunks spec = new AxmlWriter.Chunks().u8(typeId).u8(0).u16(0).u32(count);
            for (int i = 0; i < count; i++) {
                spec.u32(0);
            }
            types.chunk(0x0202, 16, spec.bytes());
            int prefix = PACKAGE_ID << 24 | typeId << 16;
            for (Map.Entry<String, Map<Integer, Integer>> config : stringIndex.entrySet()) {
                boolean hasArrays = config.getKey().equals("default")
                        && arrays.keySet().stream().anyMatch(id -> (id & 0xFFFF0000) == prefix);
                if (!hasArrays && config.getValue().keySet().stream().noneMatch(id -> (id & 0xFFFF0000) == prefix)) {
                    continue; // Android rejects a type chunk without entries
                }
                types.chunk(0x0201, 20 + CONFIG_SIZE, typeChunk(typeId, count, keyBase, config.getKey(), config.getValue(),
                        config.getKey().equals("default") ? arrays : Map.of(), arrayStrings));
            }
            keyBase += count;
        }
        int packageHeader = 288;
        AxmlWriter.Chunks pkg = new AxmlWriter.Chunks().u32(PACKAGE_ID).raw(name256(packageName))
                .u32(packageHeader).u32(0).u32(packageHeader + typePool.length).u32(0).u32(0)
                .raw(typePool).raw(keyPool).raw(types.bytes());
        AxmlWriter.Chunks table = new AxmlWriter.Chunks().u32(1).raw(pool(globalStrings))
                .chunk(0x0200, packageHeader, pkg.bytes());
        return new AxmlWriter.Chunks().chunk(0x0002, 12, table.bytes()).bytes();
    }

    private static byte[] typeChunk(int typeId, int count, int keyBase, String config, Map<Integer, Integer> indices,
            Map<Integer, List<Object>> arrays, Map<String, Integer> arrayStrings) {
        AxmlWriter.Chunks offsets = new AxmlWriter.Chunks();
        AxmlWriter.Chunks entries = new AxmlWriter.Chunks();
        for (int entry = 0; entry < count; entry++) {
            int id = PACKAGE_ID << 24 | typeId << 16 | entry;
            List<Object> items = arrays.get(id);
            if (items != null) {
                // ResTable_map_entry (size 16, FLAG_COMPLEX, key, parent 0, count), then one ResTable_map per item,
                // named by its index (0x02000000 + i) as aapt names array items.
                offsets.u32(entries.size());
                entries.u16(16).u16(0x0001).u32(keyBase + entry).u32(0).u32(items.size());
                for (int i = 0; i < items.size(); i++) {
                    Object item = items.get(i);
                    boolean text = item instanceof String;
                    entries.u32(0x02000000 + i).u16(8).u8(0).u8(text ? 0x03 : 0x01)
                            .u32(text ? arrayStrings.get(item) : (Integer) item);
                }
                continue;
            }
            if (!indices.containsKey(id)) {
                offsets.u32(NO_ENTRY);
                continue;
            }
            offsets.u32(entries.size());
            entries.u16(8).u16(0).u32(keyBase + entry).u16(8).u8(0).u8(0x03).u32(indices.get(id));
        }
        int entriesStart = 20 + CONFIG_SIZE + 4 * count;
        return new AxmlWriter.Chunks().u8(typeId).u8(0).u16(0).u32(count).u32(entriesStart)
                .raw(config(config)).raw(offsets.bytes()).raw(entries.bytes()).bytes();
    }

    /** A ResTable_config with only the locale set. */
    private static byte[] config(String qualifier) {
        byte[] c = new byte[CONFIG_SIZE];
        c[0] = CONFIG_SIZE;
        if (!qualifier.equals("default")) {
            c[8] = (byte) qualifier.charAt(0);
            c[9] = (byte) qualifier.charAt(1);
            if (qualifier.length() == 6) {
                c[10] = (byte) qualifier.charAt(4);
                c[11] = (byte) qualifier.charAt(5);
            }
        }
        return c;
    }

    private static byte[] pool(List<String> strings) {
        return new AxmlWriter.Chunks().chunk(0x0001, 28, StringPoolEncoder.encode(strings, false)).bytes();
    }

    private static byte[] name256(String name) {
        byte[] out = new byte[256];
        byte[] utf16 = name.getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(utf16, 0, out, 0, Math.min(utf16.length, 254));
        return out;
    }
}
