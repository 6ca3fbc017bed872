package dev.phonehome.apk.dex;

import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code encoded_array_item} of a class's static field initial values and pairs it
 * with the static fields of its {@code class_data_item}, which it lists in the same order.
 * Strings, integral numbers, booleans and nulls are kept; other kinds (floating point, types,
 * enums, method references) are skipped. Reading stops at the first nested array or annotation,
 * so the walk needs no recursion; the fields after it keep no value.
 */
final class StaticValues {
    /** Values read per class; a class has at most 65535 static fields. */
    static final int MAX_VALUES = 0xFFFF;
    private static final int CLASS_DEF_SIZE = 32;
    private static final int CLASS_DATA_OFF = 24;
    private static final int STATIC_VALUES_OFF = 28;
    private static final int VALUE_BYTE = 0x00;
    private static final int VALUE_LONG = 0x06;
    private static final int VALUE_CHAR = 0x03;
    private static final int VALUE_STRING = 0x17;
    private static final int VALUE_ARRAY = 0x1c;
    private static final int VALUE_ANNOTATION = 0x1d;
    private static final int VALUE_NULL = 0x1e;
    private static final int VALUE_BOOLEAN = 0x1f;

    private final DexTables tables;
    private final DexSection classDefs;

    StaticValues(DexTables tables, DexSection classDefs) {
        this.tables = tables;
        this.classDefs = classDefs;
    }

    /** The initial values of the class defined as {@code descriptor}; empty when it declares none. */
    List<StaticValue> of(String descriptor) throws DexFormatException {
        for (int i = 0; i < classDefs.count(); i++) {
            ByteCursor def = tables.at(classDefs.at(i), "class_def_item");
            try {
                def.require(CLASS_DEF_SIZE);
                if (descriptor.equals(tables.type(def.u32()))) {
                    def.seek(CLASS_DATA_OFF);
                    long classData = def.u32();
                    long values = def.u32();
                    return classData == 0 || values == 0 ? List.of() : read(classData, values);
                }
            } catch (FormatException e) {
                throw DexFormatException.of(e);
            }
        }
        return List.of();
    }

    private List<StaticValue> read(long classDataOff, long valuesOff) throws FormatException {
        ByteCursor data = tables.at(classDataOff, "class_data_item");
        long statics = Integer.toUnsignedLong(data.uleb128());
        for (int k = 0; k < 3; k++) {
            data.uleb128();
        }
        ByteCursor values = tables.at(valuesOff, "encoded_array_item");
        long size = Math.min(Math.min(statics, Integer.toUnsignedLong(values.uleb128())), MAX_VALUES);
        List<StaticValue> out = new ArrayList<>();
        long fieldIdx = 0;
        for (long k = 0; k < size; k++) {
            fieldIdx += Integer.toUnsignedLong(data.uleb128());
            data.uleb128();
            int header = values.u8();
            int type = header & 0x1F;
            int arg = header >>> 5;
            if (type == VALUE_ARRAY || type == VALUE_ANNOTATION) {
                break;
            }
            if (type == VALUE_NULL) {
                out.add(new StaticValue(tables.field(fieldIdx), null));
            } else if (type == VALUE_BOOLEAN) {
                out.add(new StaticValue(tables.field(fieldIdx), arg != 0));
            } else {
                long raw = 0;
                for (int b = 0; b <= arg; b++) {
                    raw |= (long) values.u8() << (8 * b);
                }
                Object value = value(type, arg + 1, raw);
                if (value != null) {
                    out.add(new StaticValue(tables.field(fieldIdx), value));
                }
            }
        }
        return List.copyOf(out);
    }

    /** The value of a sized encoded value, or null for kinds not kept. */
    private Object value(int type, int bytes, long raw) throws DexFormatException {
        if (type == VALUE_STRING) {
            return tables.string(raw);
        }
        if (type == VALUE_CHAR) {
            return raw;
        }
        if (type >= VALUE_BYTE && type <= VALUE_LONG) {
            int shift = 64 - 8 * bytes;
            return (raw << shift) >> shift;
        }
        return null;
    }
}
