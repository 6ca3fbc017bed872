package dev.phonehome.testkit.axml;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes Android binary XML the way aapt does: string pool (UTF-8 or UTF-16), resource map
 * for attributes with framework ids, namespace, element and typed attribute chunks.
 * Attributes are written sorted by resource id because Android's attribute lookup walks
 * them in that order.
 *
 * <pre>{@code
 * byte[] xml = AxmlWriter.write(AxmlWriter.element("manifest")
 *         .attr("", "package", 0, "com.example")
 *         .attr(ANDROID_NS, "versionCode", 0x0101021b, 42), false);
 * }</pre>
 */
public final class AxmlWriter {
    public static final String ANDROID_NS = "http://schemas.android.com/apk/res/android";
    private static final int TYPE_REFERENCE = 0x01;
    private static final int TYPE_STRING = 0x03;
    private static final int TYPE_INT_DEC = 0x10;
    private static final int TYPE_BOOLEAN = 0x12;

    private final List<String> pool = new ArrayList<>();
    private final Map<String, Integer> plainStrings = new HashMap<>();
    /** Attribute names with a resource id get their own pool entry each, first in the pool, as aapt2 does. */
    private final Map<Integer, Integer> attributeNames = new HashMap<>();

    private AxmlWriter() {
    }

    public static Element element(String name) {
        return new Element(name);
    }

    /** The document with {@code root} as its only element and the android namespace declared on it. */
    public static byte[] write(Element root, boolean utf8) {
        return new AxmlWriter().document(root, utf8);
    }

    /** An element under construction. */
    public static final class Element {
        private final String name;
        private final List<Attr> attributes = new ArrayList<>();
        private final List<Element> children = new ArrayList<>();

        private Element(String name) {
            this.name = name;
        }

        public Element attr(String namespace, String attrName, int resourceId, int value) {
            return add(new Attr(namespace, attrName, resourceId, TYPE_INT_DEC, value, null));
        }

        public Element attr(String namespace, String attrName, int resourceId, boolean value) {
            return add(new Attr(namespace, attrName, resourceId, TYPE_BOOLEAN, value ? -1 : 0, null));
        }

        public Element attr(String namespace, String attrName, int resourceId, String value) {
            return add(new Attr(namespace, attrName, resourceId, TYPE_STRING, 0, value));
        }

        /** An attribute whose value is a reference {@code @0x7f...} to a resource. */
        public Element reference(String namespace, String attrName, int resourceId, int target) {
            return add(new Attr(namespace, attrName, resourceId, TYPE_REFERENCE, target, null));
        }

        /** An attribute with any {@code Res_value} type and data, for typed values the other methods do not cover. */
        public Element typed(String namespace, String attrName, int resourceId, int type, int data) {
            return add(new Attr(namespace, attrName, resourceId, type, data, null));
        }

        public Element child(Element element) {
            children.add(element);
            return this;
        }

        private Element add(Attr attr) {
            attributes.add(attr);
            return this;
        }
    }

    private record Attr(String namespace, String name, int resourceId, int type, int data, String string) {
    }

    private byte[] document(Element root, boolean utf8) {
        List<Attr> all = new ArrayList<>();
        collectAttributes(root, all);
        List<Integer> ids = all.stream().map(Attr::resourceId).filter(id -> id != 0).distinct().sorted().toList();
        Chunks map = new Chunks();
        for (int id : ids) {
            String name = all.stream().filter(a -> a.resourceId() == id).findFirst().orElseThrow().name();
            attributeNames.put(id, pool.size());
            pool.add(name);
            map.u32(id);
        }
        int prefix = index("android");
        int uri = index(ANDROID_NS);
        Chunks body = new Chunks();
        body.namespace(0x0100, prefix, uri);
        writeElement(root, body);
        body.namespace(0x0101, prefix, uri);
        Chunks doc = new Chunks();
        doc.chunk(0x0001, 28, StringPoolEncoder.encode(pool, utf8));
        doc.chunk(0x0180, 8, map.bytes());
        doc.raw(body.bytes());
        return new Chunks().chunk(0x0003, 8, doc.bytes()).bytes();
    }

    private void collectAttributes(Element e, List<Attr> into) {
        List<Element> pending = new ArrayList<>(List.of(e));
        while (!pending.isEmpty()) {
            Element next = pending.remove(pending.size() - 1);
            into.addAll(next.attributes);
            pending.addAll(next.children);
        }
    }

    /** Elements nest only as deep as the test builds them, so recursion is fine here. */
    private void writeElement(Element e, Chunks body) {
        List<Attr> sorted = new ArrayList<>(e.attributes);
        sorted.sort(Comparator.comparingLong(a -> a.resourceId() == 0 ? Long.MAX_VALUE : a.resourceId()));
        Chunks ext = new Chunks();
        ext.u32(-1).u32(-1); // line number set below, no comment
        ext.u32(-1).u32(index(e.name));
        ext.u16(20).u16(20).u16(sorted.size()).u16(0).u16(0).u16(0);
        for (Attr a : sorted) {
            int value = a.type() == TYPE_STRING ? index(a.string()) : a.data();
            int name = a.resourceId() != 0 ? attributeNames.get(a.resourceId()) : index(a.name());
            ext.u32(a.namespace().isEmpty() ? -1 : index(a.namespace())).u32(name)
                    .u32(a.type() == TYPE_STRING ? value : -1).u16(8).u8(0).u8(a.type()).u32(value);
        }
        body.node(0x0102, ext.bytes());
        for (Element child : e.children) {
            writeElement(child, body);
        }
        body.node(0x0103, new Chunks().u32(-1).u32(-1).u32(-1).u32(index(e.name)).bytes());
    }

    private int index(String s) {
        return plainStrings.computeIfAbsent(s, k -> {
            pool.add(k);
            return pool.size() - 1;
        });
    }

    /** Little-endian chunk assembly. */
    static final class Chunks {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Chunks u8(int v) {
            bytes.write(v);
            return this;
        }

        Chunks u16(int v) {
            return u8(v).u8(v >>> 8);
        }

        Chunks u32(int v) {
            return u16(v).u16(v >>> 16);
        }

        Chunks raw(byte[] b) {
            bytes.writeBytes(b);
            return this;
        }

        /** A chunk whose header is 8 bytes plus the first {@code headerSize - 8} bytes of {@code content}. */
        Chunks chunk(int type, int headerSize, byte[] content) {
            return u16(type).u16(headerSize).u32(8 + content.length).raw(content);
        }

        /** An XML node: 16-byte header (line number 1, no comment) and its extension. */
        Chunks node(int type, byte[] ext) {
            byte[] rest = java.util.Arrays.copyOfRange(ext, 8, ext.length);
            return u16(type).u16(16).u32(16 + rest.length).u32(1).u32(-1).raw(rest);
        }

        void namespace(int type, int prefix, int uri) {
            node(type, new Chunks().u32(0).u32(0).u32(prefix).u32(uri).bytes());
        }

        int size() {
            return bytes.size();
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }
}
