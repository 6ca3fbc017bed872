package dev.phonehome.apk.dex;

import dev.phonehome.core.ProblemLog;
import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@link DexClass} list of one DEX from {@code class_defs} and {@code class_data_item}s,
 * scanning each method's code for call sites and string constants. Failures stay as small as
 * the data allows: a bad index loses one call site, bad code loses the rest of one method, bad
 * class data loses the rest of one class; each becomes a problem and indexing carries on.
 */
final class ClassIndexer {
    private static final int CLASS_DEF_SIZE = 32;
    private static final int CODE_ITEM_HEADER = 16;
    private static final int METHOD_GROUPS = 2;

    private final ByteCursor data;
    private final DexTables tables;
    private final ProblemLog log;

    ClassIndexer(ByteCursor data, DexTables tables, ProblemLog log) {
        this.data = data;
        this.tables = tables;
        this.log = log;
    }

    List<DexClass> index(DexSection classDefs) {
        List<DexClass> classes = new ArrayList<>();
        for (int i = 0; i < classDefs.count(); i++) {
            try {
                classes.add(indexClass(data.sliceAt(classDefs.at(i), CLASS_DEF_SIZE, "class_def_item")));
            } catch (FormatException e) {
                problem("dex.class", "class_def " + i, e.getMessage());
            }
        }
        return classes;
    }

    private DexClass indexClass(ByteCursor def) throws FormatException {
        String descriptor = tables.type(def.u32());
        int accessFlags = def.s32();
        long superIdx = def.u32();
        long interfacesOff = def.u32();
        long sourceFileIdx = def.u32();
        def.skip(4);
        long classDataOff = def.u32();
        String superName = null;
        List<String> interfaces = List.of();
        String sourceFile = null;
        try {
            String superDescriptor = tables.optionalType(superIdx);
            superName = superDescriptor == null ? null : TypeNames.javaName(superDescriptor);
            interfaces = javaNames(tables.typeList(interfacesOff, DexTables.MAX_INTERFACES));
            sourceFile = tables.optionalString(sourceFileIdx);
        } catch (DexFormatException e) {
            problem("dex.class", descriptor, e.getMessage());
        }
        List<DexMethod> methods = classDataOff == 0 ? List.of() : methods(descriptor, classDataOff);
        return new DexClass(descriptor, TypeNames.javaName(descriptor), superName, interfaces, accessFlags,
                sourceFile, methods);
    }

    private static List<String> javaNames(List<String> descriptors) {
        List<String> names = new ArrayList<>(descriptors.size());
        for (String d : descriptors) {
            names.add(TypeNames.javaName(d));
        }
        return names;
    }

    /** Direct then virtual methods; on malformed class data, the methods read so far. */
    private List<DexMethod> methods(String descriptor, long classDataOff) {
        List<DexMethod> methods = new ArrayList<>();
        try {
            ByteCursor in = tables.at(classDataOff, "class_data_item");
            long fields = Integer.toUnsignedLong(in.uleb128()) + Integer.toUnsignedLong(in.uleb128());
            long[] groups = {Integer.toUnsignedLong(in.uleb128()), Integer.toUnsignedLong(in.uleb128())};
            for (long f = 0; f < fields; f++) {
                in.uleb128();
                in.uleb128();
            }
            for (int g = 0; g < METHOD_GROUPS; g++) {
                long methodIdx = 0;
                for (long k = 0; k < groups[g]; k++) {
                    methodIdx += Integer.toUnsignedLong(in.uleb128());
                    int accessFlags = in.uleb128();
                    long codeOff = Integer.toUnsignedLong(in.uleb128());
                    DexMethod method = method(descriptor, methodIdx, accessFlags, codeOff);
                    if (method != null) {
                        methods.add(method);
                    }
                }
            }
        } catch (FormatException e) {
            problem("dex.class", descriptor, e.getMessage());
        }
        return methods;
    }

    private DexMethod method(String descriptor, long methodIdx, int accessFlags, long codeOff) {
        MethodRef ref;
        try {
            ref = tables.method(methodIdx);
        } catch (DexFormatException e) {
            problem("dex.index", descriptor, e.getMessage());
            return null;
        }
        if (codeOff == 0) {
            return new DexMethod(ref, accessFlags, List.of(), List.of(), null);
        }
        MethodCode code;
        try {
            ByteCursor item = tables.at(codeOff, "code_item");
            int registers = item.u16();
            int ins = item.u16();
            int outs = item.u16();
            item.skip(6);
            long units = item.u32();
            item.require(2 * units);
            code = new MethodCode(data, (int) codeOff + CODE_ITEM_HEADER, (int) units, registers, ins, outs);
        } catch (FormatException e) {
            problem("dex.code", ref.toString(), e.getMessage());
            return new DexMethod(ref, accessFlags, List.of(), List.of(), null);
        }
        List<CallSite> calls = new ArrayList<>();
        List<StringUse> strings = new ArrayList<>();
        try {
            CodeReader reader = code.reader();
            while (reader.next()) {
                try {
                    collect(reader, calls, strings);
                } catch (DexFormatException e) {
                    problem("dex.index", ref + " pc " + reader.pc(), e.getMessage());
                }
            }
        } catch (FormatException e) {
            problem("dex.code", ref.toString(), e.getMessage());
        }
        return new DexMethod(ref, accessFlags, calls, strings, code);
    }

    private void collect(CodeReader reader, List<CallSite> calls, List<StringUse> strings) throws FormatException {
        int opcode = reader.opcode();
        int pc = reader.pc();
        if (opcode == Opcodes.CONST_STRING) {
            strings.add(new StringUse(pc, tables.string(reader.unit(1))));
        } else if (opcode == Opcodes.CONST_STRING_JUMBO) {
            strings.add(new StringUse(pc, tables.string(Integer.toUnsignedLong(reader.int32(1)))));
        } else if (opcode == Opcodes.CONST_METHOD_HANDLE) {
            MethodRef target = tables.methodHandle(reader.unit(1));
            if (target != null) {
                calls.add(new CallSite(pc, InvokeKind.HANDLE, target));
            }
        } else {
            InvokeKind kind = Opcodes.invokeKind(opcode);
            if (kind == InvokeKind.CUSTOM) {
                List<MethodRef> refs = tables.callSite(reader.unit(1));
                calls.add(new CallSite(pc, InvokeKind.CUSTOM, refs.get(0)));
                for (MethodRef handle : refs.subList(1, refs.size())) {
                    calls.add(new CallSite(pc, InvokeKind.HANDLE, handle));
                }
            } else if (kind != null) {
                calls.add(new CallSite(pc, kind, tables.method(reader.unit(1))));
            }
        }
    }

    /** A problem about {@code what} (a class, a method, a pc) of this DEX file. */
    private void problem(String code, String what, String message) {
        log.add(code, log.subject() + " " + what, message);
    }
}
