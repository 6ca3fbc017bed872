package dev.phonehome.apk.dex;

import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves indices into the id tables of one DEX (strings, types, prototypes, fields, methods,
 * call sites, method handles), decoding each entry on first use and caching it. Every index
 * and every offset read from the file is checked; a bad one raises {@link DexFormatException}.
 */
final class DexTables {
    /** More parameters than any valid method can take (at most 255 argument registers). */
    static final int MAX_PARAMETERS = 255;
    /** Type ids are 16-bit, so no class implements more interfaces than this. */
    static final int MAX_INTERFACES = 0xFFFF;
    /** Longest prototype descriptor built; real ones are a few hundred characters. */
    static final int MAX_DESCRIPTOR_CHARS = 1 << 16;
    /** Values read from one call site's encoded array. */
    static final int MAX_CALL_SITE_VALUES = 1024;
    private static final long NO_INDEX = 0xFFFFFFFFL;
    private static final int VALUE_METHOD_HANDLE = 0x16;
    private static final int VALUE_ARRAY = 0x1c;
    private static final int VALUE_ANNOTATION = 0x1d;
    private static final int VALUE_NULL = 0x1e;
    private static final int VALUE_BOOLEAN = 0x1f;
    private static final int FIRST_METHOD_HANDLE_TYPE = 0x04;

    private final ByteCursor data;
    private final DexSection strings;
    private final DexSection types;
    private final DexSection protos;
    private final DexSection fields;
    private final DexSection methods;
    private final DexSection callSites;
    private final DexSection methodHandles;
    private final LazyTable<String> stringCache;
    private final LazyTable<String> typeCache;
    private final LazyTable<String> protoCache;
    private final LazyTable<MethodRef> methodCache;

    DexTables(ByteCursor data, DexSection strings, DexSection types, DexSection protos, DexSection fields,
            DexSection methods, DexSection callSites, DexSection methodHandles) {
        this.data = data;
        this.strings = strings;
        this.types = types;
        this.protos = protos;
        this.fields = fields;
        this.methods = methods;
        this.callSites = callSites;
        this.methodHandles = methodHandles;
        this.stringCache = new LazyTable<>(strings.count());
        this.typeCache = new LazyTable<>(types.count());
        this.protoCache = new LazyTable<>(protos.count());
        this.methodCache = new LazyTable<>(methods.count());
    }

    int stringCount() {
        return strings.count();
    }

    int typeCount() {
        return types.count();
    }

    int fieldCount() {
        return fields.count();
    }

    int methodCount() {
        return methods.count();
    }

    String string(long index) throws DexFormatException {
        int i = check(strings, index);
        String s = stringCache.get(i);
        if (s != null) {
            return s;
        }
        try {
            ByteCursor in = at(u32(strings.at(i)), "string_data_item");
            int utf16Length = in.uleb128();
            return stringCache.put(i, Mutf8.read(in, utf16Length));
        } catch (FormatException e) {
            throw DexFormatException.of(e);
        }
    }

    /** The string at {@code index}, or null for {@code NO_INDEX}. */
    String optionalString(long index) throws DexFormatException {
        return index == NO_INDEX ? null : string(index);
    }

    /** Type descriptor, e.g. {@code Ljava/lang/String;}. */
    String type(long index) throws DexFormatException {
        int i = check(types, index);
        String s = typeCache.get(i);
        return s != null ? s : typeCache.put(i, string(u32(types.at(i))));
    }

    /** The type at {@code index}, or null for {@code NO_INDEX}. */
    String optionalType(long index) throws DexFormatException {
        return index == NO_INDEX ? null : type(index);
    }

    /** Prototype descriptor, e.g. {@code (ILjava/lang/String;)V}. */
    String proto(long index) throws DexFormatException {
        int i = check(protos, index);
        String s = protoCache.get(i);
        if (s != null) {
            return s;
        }
        int item = protos.at(i);
        String returnType = type(u32(item + 4));
        StringBuilder sb = new StringBuilder("(");
        for (String parameter : typeList(u32(item + 8), MAX_PARAMETERS)) {
            sb.append(parameter);
            if (sb.length() > MAX_DESCRIPTOR_CHARS) {
                throw new DexFormatException("proto_id_item", item, "descriptor longer than " + MAX_DESCRIPTOR_CHARS);
            }
        }
        return protoCache.put(i, sb.append(')').append(returnType).toString());
    }

    /** The types of a {@code type_list} at {@code offset} of at most {@code max} types; offset 0 means none. */
    List<String> typeList(long offset, int max) throws DexFormatException {
        if (offset == 0) {
            return List.of();
        }
        try {
            ByteCursor in = at(offset, "type_list");
            long size = in.u32();
            if (size > max) {
                throw in.error("type_list of " + size + " types, at most " + max + " allowed");
            }
            List<String> list = new ArrayList<>((int) size);
            for (int k = 0; k < size; k++) {
                list.add(type(in.u16()));
            }
            return List.copyOf(list);
        } catch (FormatException e) {
            throw DexFormatException.of(e);
        }
    }

    MethodRef method(long index) throws DexFormatException {
        int i = check(methods, index);
        MethodRef ref = methodCache.get(i);
        if (ref != null) {
            return ref;
        }
        int item = methods.at(i);
        return methodCache.put(i, new MethodRef(type(u16(item)), string(u32(item + 4)), proto(u16(item + 2))));
    }

    FieldRef field(long index) throws DexFormatException {
        int item = fields.at(check(fields, index));
        return new FieldRef(type(u16(item)), string(u32(item + 4)), type(u16(item + 2)));
    }

    /** The method a method handle invokes, or null when the handle reads or writes a field. */
    MethodRef methodHandle(long index) throws DexFormatException {
        int item = methodHandles.at(check(methodHandles, index));
        return u16(item) < FIRST_METHOD_HANDLE_TYPE ? null : method(u16(item + 4));
    }

    /**
     * The methods a call site names: its bootstrap method first, then every method handle among
     * its extra arguments (for a lambda, the implementation method).
     */
    List<MethodRef> callSite(long index) throws DexFormatException {
        int item = callSites.at(check(callSites, index));
        try {
            ByteCursor in = at(u32(item), "call_site_item");
            int size = in.uleb128();
            List<MethodRef> refs = new ArrayList<>();
            for (int k = 0; k < Math.min(size, MAX_CALL_SITE_VALUES); k++) {
                int header = in.u8();
                int valueType = header & 0x1F;
                int valueArg = header >>> 5;
                if (valueType == VALUE_ARRAY || valueType == VALUE_ANNOTATION) {
                    break;
                }
                if (valueType == VALUE_NULL || valueType == VALUE_BOOLEAN) {
                    continue;
                }
                long value = 0;
                for (int b = 0; b <= valueArg; b++) {
                    value |= (long) in.u8() << (8 * b);
                }
                if (valueType == VALUE_METHOD_HANDLE) {
                    MethodRef target = methodHandle(value);
                    if (target != null) {
                        refs.add(target);
                    }
                }
            }
            if (refs.isEmpty()) {
                throw in.error("call site " + index + " names no bootstrap method");
            }
            return refs;
        } catch (FormatException e) {
            throw DexFormatException.of(e);
        }
    }

    /** A cursor from {@code offset} to the end of the DEX data. */
    ByteCursor at(long offset, String structure) throws DexFormatException {
        try {
            return data.sliceAt(offset, data.limit() - offset, structure);
        } catch (FormatException e) {
            throw new DexFormatException(structure, offset, "offset outside the DEX data (0.." + data.limit() + ")");
        }
    }

    private static int check(DexSection section, long index) throws DexFormatException {
        if (index < 0 || index >= section.count()) {
            throw new DexFormatException(section.name(), section.offset(),
                    "index " + index + " out of range 0.." + section.count());
        }
        return (int) index;
    }

    private long u32(int offset) throws DexFormatException {
        try {
            return data.sliceAt(offset, 4, "DEX id").u32();
        } catch (FormatException e) {
            throw DexFormatException.of(e);
        }
    }

    private int u16(int offset) throws DexFormatException {
        try {
            return data.sliceAt(offset, 2, "DEX id").u16();
        } catch (FormatException e) {
            throw DexFormatException.of(e);
        }
    }
}
