package dev.phonehome.apk.resources;

import java.util.Locale;

/**
 * A typed value ({@code Res_value}) from binary XML or resources.arsc.
 *
 * @param type   data type, e.g. {@link #TYPE_INT_DEC}
 * @param data   raw 32-bit data
 * @param string the text for {@link #TYPE_STRING} values, else null
 */
public record ResValue(int type, int data, String string) {
    public static final int TYPE_NULL = 0x00;
    public static final int TYPE_REFERENCE = 0x01;
    public static final int TYPE_ATTRIBUTE = 0x02;
    public static final int TYPE_STRING = 0x03;
    public static final int TYPE_FLOAT = 0x04;
    public static final int TYPE_DIMENSION = 0x05;
    public static final int TYPE_FRACTION = 0x06;
    public static final int TYPE_DYNAMIC_REFERENCE = 0x07;
    public static final int TYPE_DYNAMIC_ATTRIBUTE = 0x08;
    public static final int TYPE_INT_DEC = 0x10;
    public static final int TYPE_INT_HEX = 0x11;
    public static final int TYPE_INT_BOOLEAN = 0x12;
    public static final int TYPE_FIRST_COLOR = 0x1c;
    public static final int TYPE_LAST_COLOR = 0x1f;

    private static final String[] DIMENSION_UNITS = {"px", "dip", "sp", "pt", "in", "mm"};
    private static final String[] FRACTION_UNITS = {"%", "%p"};

    public static ResValue ofString(String s) {
        return new ResValue(TYPE_STRING, 0, s);
    }

    public static ResValue ofInt(int value) {
        return new ResValue(TYPE_INT_DEC, value, null);
    }

    public boolean isReference() {
        return type == TYPE_REFERENCE || type == TYPE_DYNAMIC_REFERENCE;
    }

    public boolean isString() {
        return type == TYPE_STRING;
    }

    /** Integer types (decimal, hex, boolean, colours) as Android's {@code getInt} reads them. */
    public boolean isInteger() {
        return type >= TYPE_INT_DEC && type <= TYPE_LAST_COLOR;
    }

    /**
     * The value as text, the way Android's {@code TypedValue.coerceToString} writes it:
     * {@code @0x7f040001} references, {@code true}, {@code 0x1f}, {@code 12.0dip}.
     */
    public String coerceToString() {
        return switch (type) {
            case TYPE_STRING -> string;
            case TYPE_NULL -> null;
            case TYPE_REFERENCE, TYPE_DYNAMIC_REFERENCE -> String.format("@0x%08x", data);
            case TYPE_ATTRIBUTE, TYPE_DYNAMIC_ATTRIBUTE -> String.format("?0x%08x", data);
            case TYPE_FLOAT -> Float.toString(Float.intBitsToFloat(data));
            case TYPE_DIMENSION -> complexToFloat(data) + unit(DIMENSION_UNITS, data);
            case TYPE_FRACTION -> complexToFloat(data) * 100 + unit(FRACTION_UNITS, data);
            case TYPE_INT_HEX -> "0x" + Integer.toHexString(data);
            case TYPE_INT_BOOLEAN -> data != 0 ? "true" : "false";
            default -> type >= TYPE_FIRST_COLOR && type <= TYPE_LAST_COLOR
                    ? String.format(Locale.ROOT, "#%08x", data)
                    : type >= TYPE_INT_DEC && type < TYPE_FIRST_COLOR ? Integer.toString(data) : null;
        };
    }

    private static String unit(String[] units, int complex) {
        int unit = complex & 0xF;
        return unit < units.length ? units[unit] : "";
    }

    /** Decodes Android's complex number: 24-bit mantissa shifted by one of four radixes. */
    static float complexToFloat(int complex) {
        float mantissa = complex & 0xFFFFFF00;
        return switch ((complex >> 4) & 3) {
            case 0 -> mantissa * 1.0f / (1 << 8);
            case 1 -> mantissa * 1.0f / (1 << 15);
            case 2 -> mantissa * 1.0f / (1 << 23);
            default -> mantissa * 1.0f / (1L << 31);
        };
    }
}
