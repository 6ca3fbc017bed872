package dev.phonehome.apk.dex;

/** Turns type descriptors into Java names: {@code [Ljava/lang/String;} becomes {@code java.lang.String[]}. */
public final class TypeNames {
    private TypeNames() {
    }

    /** The Java name of a descriptor; a malformed descriptor is returned unchanged. */
    public static String javaName(String descriptor) {
        int dims = 0;
        while (dims < descriptor.length() && descriptor.charAt(dims) == '[') {
            dims++;
        }
        String element = element(descriptor.substring(dims));
        if (element == null) {
            return descriptor;
        }
        return dims == 0 ? element : element + "[]".repeat(dims);
    }

    private static String element(String d) {
        if (d.length() > 2 && d.charAt(0) == 'L' && d.charAt(d.length() - 1) == ';') {
            return d.substring(1, d.length() - 1).replace('/', '.');
        }
        if (d.length() != 1) {
            return null;
        }
        switch (d.charAt(0)) {
            case 'V': return "void";
            case 'Z': return "boolean";
            case 'B': return "byte";
            case 'S': return "short";
            case 'C': return "char";
            case 'I': return "int";
            case 'J': return "long";
            case 'F': return "float";
            case 'D': return "double";
            default: return null;
        }
    }
}
