package dev.phonehome.apk.dex;

/**
 * The 256 Dalvik opcodes: mnemonic, format and index kind. Opcodes the specification marks
 * unused (and the pre-ART "quickened" ones) have no format: code using them is rejected.
 */
final class Opcodes {
    static final int NOP = 0x00;
    static final int CONST_STRING = 0x1a;
    static final int CONST_STRING_JUMBO = 0x1b;
    static final int INVOKE_VIRTUAL = 0x6e;
    static final int INVOKE_INTERFACE = 0x72;
    static final int INVOKE_VIRTUAL_RANGE = 0x74;
    static final int INVOKE_INTERFACE_RANGE = 0x78;
    static final int INVOKE_POLYMORPHIC = 0xfa;
    static final int INVOKE_POLYMORPHIC_RANGE = 0xfb;
    static final int INVOKE_CUSTOM = 0xfc;
    static final int INVOKE_CUSTOM_RANGE = 0xfd;
    static final int CONST_METHOD_HANDLE = 0xfe;
    static final int PACKED_SWITCH_PAYLOAD = 0x0100;
    static final int SPARSE_SWITCH_PAYLOAD = 0x0200;
    static final int FILL_ARRAY_DATA_PAYLOAD = 0x0300;

    private static final Format[] FORMATS = new Format[256];
    private static final IndexKind[] INDEX_KINDS = new IndexKind[256];
    private static final String[] NAMES = new String[256];
    private static final InvokeKind[] INVOKE_KINDS = {
        InvokeKind.VIRTUAL, InvokeKind.SUPER, InvokeKind.DIRECT, InvokeKind.STATIC, InvokeKind.INTERFACE
    };

    static {
        define(0x00, Format.F10X, "nop");
        define(0x01, Format.F12X, "move");
        define(0x02, Format.F22X, "move/from16");
        define(0x03, Format.F32X, "move/16");
        define(0x04, Format.F12X, "move-wide");
        define(0x05, Format.F22X, "move-wide/from16");
        define(0x06, Format.F32X, "move-wide/16");
        define(0x07, Format.F12X, "move-object");
        define(0x08, Format.F22X, "move-object/from16");
        define(0x09, Format.F32X, "move-object/16");
        define(0x0a, Format.F11X, "move-result", "move-result-wide", "move-result-object", "move-exception");
        define(0x0e, Format.F10X, "return-void");
        define(0x0f, Format.F11X, "return", "return-wide", "return-object");
        define(0x12, Format.F11N, "const/4");
        define(0x13, Format.F21S, "const/16");
        define(0x14, Format.F31I, "const");
        define(0x15, Format.F21H, "const/high16");
        define(0x16, Format.F21S, "const-wide/16");
        define(0x17, Format.F31I, "const-wide/32");
        define(0x18, Format.F51L, "const-wide");
        define(0x19, Format.F21H, "const-wide/high16");
        define(0x1a, Format.F21C, IndexKind.STRING, "const-string");
        define(0x1b, Format.F31C, IndexKind.STRING, "const-string/jumbo");
        define(0x1c, Format.F21C, IndexKind.TYPE, "const-class");
        define(0x1d, Format.F11X, "monitor-enter", "monitor-exit");
        define(0x1f, Format.F21C, IndexKind.TYPE, "check-cast");
        define(0x20, Format.F22C, IndexKind.TYPE, "instance-of");
        define(0x21, Format.F12X, "array-length");
        define(0x22, Format.F21C, IndexKind.TYPE, "new-instance");
        define(0x23, Format.F22C, IndexKind.TYPE, "new-array");
        define(0x24, Format.F35C, IndexKind.TYPE, "filled-new-array");
        define(0x25, Format.F3RC, IndexKind.TYPE, "filled-new-array/range");
        define(0x26, Format.F31T, "fill-array-data");
        define(0x27, Format.F11X, "throw");
        define(0x28, Format.F10T, "goto");
        define(0x29, Format.F20T, "goto/16");
        define(0x2a, Format.F30T, "goto/32");
        define(0x2b, Format.F31T, "packed-switch", "sparse-switch");
        define(0x2d, Format.F23X, "cmpl-float", "cmpg-float", "cmpl-double", "cmpg-double", "cmp-long");
        define(0x32, Format.F22T, "if-eq", "if-ne", "if-lt", "if-ge", "if-gt", "if-le");
        define(0x38, Format.F21T, "if-eqz", "if-nez", "if-ltz", "if-gez", "if-gtz", "if-lez");
        String[] kinds = {"", "-wide", "-object", "-boolean", "-byte", "-char", "-short"};
        define(0x44, Format.F23X, IndexKind.NONE, prefixed(kinds, "aget", "aput"));
        define(0x52, Format.F22C, IndexKind.FIELD, prefixed(kinds, "iget", "iput"));
        define(0x60, Format.F21C, IndexKind.FIELD, prefixed(kinds, "sget", "sput"));
        String[] invokes = {"invoke-virtual", "invoke-super", "invoke-direct", "invoke-static", "invoke-interface"};
        define(0x6e, Format.F35C, IndexKind.METHOD, invokes);
        define(0x74, Format.F3RC, IndexKind.METHOD, suffixed(invokes, "/range"));
        define(0x7b, Format.F12X, "neg-int", "not-int", "neg-long", "not-long", "neg-float", "neg-double",
                "int-to-long", "int-to-float", "int-to-double", "long-to-int", "long-to-float", "long-to-double",
                "float-to-int", "float-to-long", "float-to-double", "double-to-int", "double-to-long",
                "double-to-float", "int-to-byte", "int-to-char", "int-to-short");
        String[] binops = binops();
        define(0x90, Format.F23X, binops);
        define(0xb0, Format.F12X, suffixed(binops, "/2addr"));
        define(0xd0, Format.F22S, "add-int/lit16", "rsub-int", "mul-int/lit16", "div-int/lit16", "rem-int/lit16",
                "and-int/lit16", "or-int/lit16", "xor-int/lit16");
        define(0xd8, Format.F22B, "add-int/lit8", "rsub-int/lit8", "mul-int/lit8", "div-int/lit8", "rem-int/lit8",
                "and-int/lit8", "or-int/lit8", "xor-int/lit8", "shl-int/lit8", "shr-int/lit8", "ushr-int/lit8");
        define(0xfa, Format.F45CC, IndexKind.METHOD, "invoke-polymorphic");
        define(0xfb, Format.F4RCC, IndexKind.METHOD, "invoke-polymorphic/range");
        define(0xfc, Format.F35C, IndexKind.CALL_SITE, "invoke-custom");
        define(0xfd, Format.F3RC, IndexKind.CALL_SITE, "invoke-custom/range");
        define(0xfe, Format.F21C, IndexKind.METHOD_HANDLE, "const-method-handle");
        define(0xff, Format.F21C, IndexKind.PROTO, "const-method-type");
        for (int op = 0; op < 256; op++) {
            if (NAMES[op] == null) {
                NAMES[op] = String.format("unused-%02x", op);
                INDEX_KINDS[op] = IndexKind.NONE;
            }
        }
    }

    private Opcodes() {
    }

    /** The format of {@code opcode}, or null when the opcode is unused. */
    static Format format(int opcode) {
        return FORMATS[opcode];
    }

    static IndexKind indexKind(int opcode) {
        return INDEX_KINDS[opcode];
    }

    static String name(int opcode) {
        return NAMES[opcode];
    }

    /** The invoke kind of an {@code invoke-*} opcode, or null for any other opcode. */
    static InvokeKind invokeKind(int opcode) {
        if (opcode >= INVOKE_VIRTUAL && opcode <= INVOKE_INTERFACE) {
            return INVOKE_KINDS[opcode - INVOKE_VIRTUAL];
        }
        if (opcode >= INVOKE_VIRTUAL_RANGE && opcode <= INVOKE_INTERFACE_RANGE) {
            return INVOKE_KINDS[opcode - INVOKE_VIRTUAL_RANGE];
        }
        if (opcode == INVOKE_POLYMORPHIC || opcode == INVOKE_POLYMORPHIC_RANGE) {
            return InvokeKind.POLYMORPHIC;
        }
        return opcode == INVOKE_CUSTOM || opcode == INVOKE_CUSTOM_RANGE ? InvokeKind.CUSTOM : null;
    }

    private static void define(int first, Format format, String... names) {
        define(first, format, IndexKind.NONE, names);
    }

    private static void define(int first, Format format, IndexKind kind, String... names) {
        for (int k = 0; k < names.length; k++) {
            FORMATS[first + k] = format;
            INDEX_KINDS[first + k] = kind;
            NAMES[first + k] = names[k];
        }
    }

    private static String[] prefixed(String[] kinds, String get, String put) {
        String[] names = new String[kinds.length * 2];
        for (int k = 0; k < kinds.length; k++) {
            names[k] = get + kinds[k];
            names[kinds.length + k] = put + kinds[k];
        }
        return names;
    }

    private static String[] suffixed(String[] names, String suffix) {
        String[] out = new String[names.length];
        for (int k = 0; k < names.length; k++) {
            out[k] = names[k] + suffix;
        }
        return out;
    }

    /** The 32 three-register arithmetic mnemonics, 0x90..0xaf in order. */
    private static String[] binops() {
        String[] integral = {"add", "sub", "mul", "div", "rem", "and", "or", "xor", "shl", "shr", "ushr"};
        String[] floating = {"add", "sub", "mul", "div", "rem"};
        String[] out = new String[32];
        int k = 0;
        for (String type : new String[] {"int", "long"}) {
            for (String op : integral) {
                out[k++] = op + "-" + type;
            }
        }
        for (String type : new String[] {"float", "double"}) {
            for (String op : floating) {
                out[k++] = op + "-" + type;
            }
        }
        return out;
    }
}
