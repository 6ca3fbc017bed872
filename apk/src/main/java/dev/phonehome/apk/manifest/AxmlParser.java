package dev.phonehome.apk.manifest;

import dev.phonehome.core.ProblemLog;
import dev.phonehome.core.ProblemLog;
import dev.phonehome.apk.resources.ResChunk;
import dev.phonehome.apk.resources.StringPool;
import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Decodes Android binary XML as tolerantly as the platform's {@code ResXMLTree}: unknown
 * chunks are skipped, lying sizes clamped, bad string references read as empty strings,
 * attributes keep their resource ids so framework attributes resolve when names are
 * stripped. Every deviation is a coded {@code axml.*} problem; only input that has no
 * readable root element raises {@link AxmlFormatException}.
 */
public final class AxmlParser {
    /** Elements kept per document; a manifest has hundreds, a hostile file millions. */
    public static final int MAX_ELEMENTS = 500_000;
    /** Nesting depth kept; deeper elements are dropped with their subtrees. */
    public static final int MAX_DEPTH = 512;
    /**
     * Attributes kept per document. Android steps through attributes by a declared stride, so a
     * 56-byte element with stride 0 claims 65,535 attributes; without a cap a small file would
     * decode to billions.
     */
    public static final int MAX_ATTRIBUTES = 2_000_000;
    static final String CODE = "axml";
    private static final int NODE_HEADER = 16;

    private final String subject;
    private final int maxElements;

    /** @param subject what the problems are about, e.g. {@code "AndroidManifest.xml"} */
    public AxmlParser(String subject) {
        this(subject, MAX_ELEMENTS);
    }

    /** A parser with a smaller element limit, so tests can reach it cheaply. */
    AxmlParser(String subject, int maxElements) {
        this.subject = subject;
        this.maxElements = maxElements;
    }

    public AxmlDocument parse(byte[] bytes) throws AxmlFormatException {
        return parse(ByteBuffer.wrap(bytes));
    }

    /** Decodes the remaining bytes of {@code buffer}; the buffer is not modified. */
    public AxmlDocument parse(ByteBuffer buffer) throws AxmlFormatException {
        try {
            return parse(ByteCursor.over(buffer, "binary XML " + subject).order(ByteOrder.LITTLE_ENDIAN));
        } catch (AxmlFormatException e) {
            throw e;
        } catch (FormatException e) {
            throw AxmlFormatException.wrap(e);
        }
    }

    private AxmlDocument parse(ByteCursor in) throws FormatException {
        ProblemLog problems = new ProblemLog(subject);
        if (!in.hasRemaining(ResChunk.HEADER)) {
            throw new AxmlFormatException(in.structure(), 0, "needs 8 bytes for the XML header, remaining " + in.remaining());
        }
        ResChunk document = ResChunk.read(in, CODE, problems);
        if (document.type() != ResChunk.XML) {
            problems.add(CODE + ".header-type", String.format("document chunk type 0x%04x, expected 0x0003", document.type()));
        }
        if (in.remaining() > 0) {
            problems.add(CODE + ".trailing-data", in.remaining() + " bytes after the document chunk ignored");
        }
        TreeBuilder tree = new TreeBuilder(problems, maxElements);
        StringPool strings = StringPool.empty(CODE, problems);
        int[] resourceIds = new int[0];
        ByteCursor chunks = document.data();
        while (chunks.hasRemaining(ResChunk.HEADER) && !tree.isComplete()) {
            ResChunk chunk = ResChunk.read(chunks, CODE, problems);
            int type = chunk.type();
            if (type >= ResChunk.XML_START_NAMESPACE && type <= ResChunk.XML_CDATA) {
                node(chunk, strings, resourceIds, tree, problems);
            } else if (tree.hasStarted()) {
                problems.add(CODE + ".unknown-chunk", String.format(
                        "chunk 0x%04x at offset %d after the first node skipped", type, chunk.offset()));
            } else if (type == ResChunk.STRING_POOL) {
                strings = StringPool.read(chunk, CODE, problems);
            } else if (type == ResChunk.XML_RESOURCE_MAP) {
                resourceIds = resourceMap(chunk);
            } else {
                problems.add(CODE + ".unknown-chunk", String.format(
                        "chunk 0x%04x at offset %d skipped", type, chunk.offset()));
            }
        }
        if (chunks.remaining() > 0 && !tree.isComplete()) {
            problems.add(CODE + ".chunk-size", chunks.remaining() + " bytes at the end too short for a chunk header");
        }
        return new AxmlDocument(tree.finish(document.offset()), problems.problems());
    }

    private static int[] resourceMap(ResChunk chunk) throws FormatException {
        ByteCursor data = chunk.data();
        int[] ids = new int[data.remaining() / 4];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = data.s32();
        }
        return ids;
    }

    private static void node(ResChunk chunk, StringPool strings, int[] resourceIds, TreeBuilder tree,
            ProblemLog problems) throws FormatException {
        if (chunk.headerSize() < NODE_HEADER) {
            problems.add(CODE + ".node-header", String.format(
                    "node 0x%04x at offset %d has header size %d, less than %d", chunk.type(), chunk.offset(),
                    chunk.headerSize(), NODE_HEADER));
        }
        int line = chunk.header(8).s32();
        ByteCursor ext = chunk.data();
        switch (chunk.type()) {
            case ResChunk.XML_START_ELEMENT -> {
                if (requireExt(chunk, ext, 20, problems)) {
                    tree.start(ElementReader.read(chunk, ext, line, strings, resourceIds, tree.attributesLeft(), problems));
                }
            }
            case ResChunk.XML_END_ELEMENT -> {
                if (requireExt(chunk, ext, 8, problems)) {
                    tree.end(chunk.offset());
                }
            }
            default -> requireExt(chunk, ext, 8, problems); // namespaces and text are not kept
        }
    }

    private static boolean requireExt(ResChunk chunk, ByteCursor ext, int size, ProblemLog problems) {
        if (ext.hasRemaining(size)) {
            return true;
        }
        problems.add(CODE + ".node-size", String.format("node 0x%04x at offset %d needs %d bytes after its header, remaining %d; skipped",
                chunk.type(), chunk.offset(), size, ext.remaining()));
        return false;
    }

    /** Builds the element tree from start/end events without recursion, within the element and depth limits. */
    private static final class TreeBuilder {
        private final ProblemLog problems;
        private final int maxElements;
        private final Deque<ElementReader.Open> open = new ArrayDeque<>();
        private ElementReader.Open root;
        private XmlElement finished;
        private int elements;
        private int droppedDepth;
        private int attributesLeft = MAX_ATTRIBUTES;
        private boolean limitReported;

        TreeBuilder(ProblemLog problems, int maxElements) {
            this.problems = problems;
            this.maxElements = maxElements;
        }

        int attributesLeft() {
            return attributesLeft;
        }

        boolean hasStarted() {
            return root != null;
        }

        boolean isComplete() {
            return finished != null;
        }

        void start(ElementReader.Open element) {
            if (droppedDepth > 0 || open.size() >= MAX_DEPTH || elements >= maxElements) {
                if (!limitReported) {
                    limitReported = true;
                    problems.add(CODE + ".limit", "element <" + element.name() + "> and later ones dropped with their"
                            + " subtrees: more than " + MAX_DEPTH + " levels or " + maxElements + " elements");
                }
                droppedDepth++;
                return;
            }
            elements++;
            attributesLeft -= element.attributes().size();
            if (root == null) {
                root = element;
            }
            open.push(element);
        }

        void end(long offset) {
            if (droppedDepth > 0) {
                droppedDepth--;
                return;
            }
            if (open.isEmpty()) {
                problems.add(CODE + ".unbalanced", "end element at offset " + offset + " without a start; ignored");
                return;
            }
            XmlElement done = open.pop().build();
            if (open.isEmpty()) {
                finished = done;
            } else {
                open.peek().children().add(done);
            }
        }

        XmlElement finish(long documentOffset) throws AxmlFormatException {
            if (finished == null && !open.isEmpty()) {
                problems.add(CODE + ".unbalanced", open.size() + " elements not closed at the end of the document");
                while (open.size() > 1) {
                    XmlElement done = open.pop().build();
                    open.peek().children().add(done);
                }
                finished = open.pop().build();
            }
            if (finished == null) {
                throw new AxmlFormatException("binary XML", documentOffset, "no start element in the document");
            }
            return finished;
        }
    }
}
