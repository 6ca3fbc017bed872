package dev.phonehome.apk.manifest;

import dev.phonehome.core.ProblemLog;
import dev.phonehome.core.ProblemLog;
import dev.phonehome.apk.resources.ResChunk;
import dev.phonehome.apk.resources.ResValue;
import dev.phonehome.apk.resources.StringPool;
import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import java.util.ArrayList;
import java.util.List;

/** Reads a start-element node ({@code ResXMLTree_attrExt} and its attributes). */
final class ElementReader {
    private static final int ATTRIBUTE_SIZE = 20;

    private ElementReader() {
    }

    /** An element whose children are still being read. */
    record Open(String namespace, String name, int lineNumber, List<XmlAttribute> attributes,
            List<XmlElement> children) {
        XmlElement build() {
            return new XmlElement(namespace, name, lineNumber, attributes, children);
        }
    }

    static Open read(ResChunk chunk, ByteCursor ext, int line, StringPool strings, int[] resourceIds, int maxAttributes,
            ProblemLog problems) throws FormatException {
        String namespace = orEmpty(strings.get(ext.s32()));
        String name = orEmpty(strings.get(ext.s32()));
        int attributeStart = ext.u16();
        // Android steps through attributes by the declared size, so records may overlap or have gaps.
        int attributeSize = ext.u16();
        int count = ext.u16();
        if (attributeSize < ATTRIBUTE_SIZE && count > 1) {
            problems.add(AxmlParser.CODE + ".attribute-size", String.format(
                    "element <%s> at offset %d steps through its %d attributes by %d bytes, less than %d: they overlap",
                    name, chunk.offset(), count, attributeSize, ATTRIBUTE_SIZE));
        }
        if (count > maxAttributes) {
            problems.add(AxmlParser.CODE + ".limit", String.format(
                    "element <%s> at offset %d: %d attributes, only %d kept: the document exceeds %d attributes",
                    name, chunk.offset(), count, Math.max(0, maxAttributes), AxmlParser.MAX_ATTRIBUTES));
            count = Math.max(0, maxAttributes);
        }
        List<XmlAttribute> attributes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long at = attributeStart + (long) attributeSize * i;
            if (at + ATTRIBUTE_SIZE > ext.limit()) {
                problems.add(AxmlParser.CODE + ".attribute-range", String.format(
                        "element <%s> at offset %d: attribute %d of %d at %d+%d lies past its %d bytes; rest dropped",
                        name, chunk.offset(), i, count, at, ATTRIBUTE_SIZE, ext.limit()));
                break;
            }
            attributes.add(attribute(ext.sliceAt(at, ATTRIBUTE_SIZE, "attribute"), strings, resourceIds));
        }
        return new Open(namespace, name, line, attributes, new ArrayList<>());
    }

    private static XmlAttribute attribute(ByteCursor in, StringPool strings, int[] resourceIds) throws FormatException {
        String namespace = orEmpty(strings.get(in.s32()));
        int nameIndex = in.s32();
        String name = orEmpty(strings.get(nameIndex));
        String raw = strings.get(in.s32());
        in.u16(); // Res_value size: Android ignores it
        in.u8();
        int type = in.u8();
        int data = in.s32();
        String text = type == ResValue.TYPE_STRING ? orEmpty(strings.get(data)) : null;
        int resourceId = nameIndex >= 0 && nameIndex < resourceIds.length ? resourceIds[nameIndex] : 0;
        return new XmlAttribute(namespace, name, resourceId, raw, new ResValue(type, data, text));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
