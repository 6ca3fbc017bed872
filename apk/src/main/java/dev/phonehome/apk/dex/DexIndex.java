package dev.phonehome.apk.dex;

import dev.phonehome.core.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The index of one DEX file (or one DEX of a v41 container): its classes with their methods,
 * call sites and string constants, the id tables, and the problems met while indexing.
 *
 * <p>Table entries are decoded from the underlying buffer on first use and cached; the buffer
 * must stay valid (mapped) while the index is used. Lookups take indices that usually come from
 * the file itself, so they check them and throw {@link DexFormatException} for a bad one.
 * Instances are safe to share between threads.
 */
public final class DexIndex {
    private final String name;
    private final int version;
    private final DexTables tables;
    private final List<DexClass> classes;
    private final List<Problem> problems;
    private final StaticValues staticValues;

    DexIndex(String name, int version, DexTables tables, List<DexClass> classes, List<Problem> problems,
            StaticValues staticValues) {
        this.name = name;
        this.staticValues = staticValues;
        this.version = version;
        this.tables = tables;
        this.classes = List.copyOf(classes);
        this.problems = List.copyOf(problems);
    }

    /** The name given to the parser, with {@code [n]} appended for the n-th DEX of a container. */
    public String name() {
        return name;
    }

    /** The format version from the magic, 35..41. */
    public int version() {
        return version;
    }

    /** Classes in {@code class_defs} order. */
    public List<DexClass> classes() {
        return classes;
    }

    /** Problems met while indexing, in the order met; empty for a well-formed file. */
    public List<Problem> problems() {
        return problems;
    }

    public int stringCount() {
        return tables.stringCount();
    }

    public String string(int index) throws DexFormatException {
        return tables.string(index);
    }

    /** All strings of {@code string_ids}, decoded now. */
    public List<String> strings() throws DexFormatException {
        List<String> out = new ArrayList<>(tables.stringCount());
        for (int i = 0; i < tables.stringCount(); i++) {
            out.add(tables.string(i));
        }
        return Collections.unmodifiableList(out);
    }

    public int typeCount() {
        return tables.typeCount();
    }

    /** Type descriptor at {@code index} of {@code type_ids}, e.g. {@code Ljava/lang/String;}. */
    public String type(int index) throws DexFormatException {
        return tables.type(index);
    }

    /** All type descriptors of {@code type_ids}. */
    public List<String> types() throws DexFormatException {
        List<String> out = new ArrayList<>(tables.typeCount());
        for (int i = 0; i < tables.typeCount(); i++) {
            out.add(tables.type(i));
        }
        return Collections.unmodifiableList(out);
    }

    public int fieldCount() {
        return tables.fieldCount();
    }

    public FieldRef fieldRef(int index) throws DexFormatException {
        return tables.field(index);
    }

    /** All field references of {@code field_ids}. */
    public List<FieldRef> fieldRefs() throws DexFormatException {
        List<FieldRef> out = new ArrayList<>(tables.fieldCount());
        for (int i = 0; i < tables.fieldCount(); i++) {
            out.add(tables.field(i));
        }
        return Collections.unmodifiableList(out);
    }

    public int methodCount() {
        return tables.methodCount();
    }

    public MethodRef methodRef(int index) throws DexFormatException {
        return tables.method(index);
    }

    /** All method references of {@code method_ids}, defined here or elsewhere. */
    public List<MethodRef> methodRefs() throws DexFormatException {
        List<MethodRef> out = new ArrayList<>(tables.methodCount());
        for (int i = 0; i < tables.methodCount(); i++) {
            out.add(tables.method(i));
        }
        return Collections.unmodifiableList(out);
    }

    /** Prototype descriptor at {@code index} of {@code proto_ids}, e.g. {@code (I)V}. */
    public String proto(int index) throws DexFormatException {
        return tables.proto(index);
    }

    /**
     * The methods a call site names (index of {@code call_site_ids}, as used by
     * {@code invoke-custom}): its bootstrap method, then the method handles among its arguments.
     */
    public List<MethodRef> callSite(int index) throws DexFormatException {
        return tables.callSite(index);
    }

    /** The method a method handle invokes, or null for a field accessor handle. */
    public MethodRef methodHandle(int index) throws DexFormatException {
        return tables.methodHandle(index);
    }

    /**
     * The initial values of {@code cls}'s static fields as its definition declares them (for
     * {@code static final} constants, the values the compiler folded), read on each call. Fields
     * initialised by code in {@code <clinit>} are not listed.
     */
    public List<StaticValue> staticValues(DexClass cls) throws DexFormatException {
        return staticValues.of(cls.descriptor());
    }

    @Override
    public String toString() {
        return name + " (DEX " + version + ", " + classes.size() + " classes)";
    }
}
