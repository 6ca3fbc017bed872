package dev.phonehome.traffic.tls;

import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Readers for the TLS extensions this engine reports (RFC 8446 section 4.2, RFC 6066, RFC 7301). */
final class Extensions {
    static final int SERVER_NAME = 0;
    static final int ALPN = 16;
    static final int ENCRYPT_THEN_MAC = 22;
    static final int EXTENDED_MASTER_SECRET = 23;
    static final int SESSION_TICKET = 35;
    static final int PRE_SHARED_KEY = 41;
    static final int EARLY_DATA = 42;
    static final int SUPPORTED_VERSIONS = 43;
    static final int KEY_SHARE = 51;
    /** Bounds the per-list work on hostile input; real lists hold a handful of entries. */
    static final int MAX_LIST_ENTRIES = 256;

    /** Receives each extension's type and a cursor over its body. */
    interface Visitor {
        void visit(int type, ByteCursor body) throws FormatException;
    }

    private Extensions() {
    }

    /** Visits the u16-length-prefixed extension block at the cursor, if present. */
    static void forEach(ByteCursor c, Visitor visitor) throws FormatException {
        if (c.remaining() == 0) {
            return; // extensions are optional before TLS 1.3
        }
        ByteCursor block = c.slice(c.u16(), "TLS extensions");
        while (block.remaining() > 0) {
            int type = block.u16();
            visitor.visit(type, block.slice(block.u16(), "TLS extension " + type));
        }
    }

    /** server_name: the first host_name entry; a server's empty acknowledgement has none. */
    static Optional<String> serverName(ByteCursor c) throws FormatException {
        if (c.remaining() == 0) {
            return Optional.empty();
        }
        ByteCursor list = c.slice(c.u16(), "TLS server_name list");
        while (list.remaining() > 0) {
            int nameType = list.u8();
            String name = list.utf8(list.u16());
            if (nameType == 0 && !name.isEmpty()) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** application_layer_protocol_negotiation: the protocol names in order. */
    static List<String> alpn(ByteCursor c) throws FormatException {
        ByteCursor list = c.slice(c.u16(), "TLS ALPN list");
        List<String> out = new ArrayList<>();
        while (list.remaining() > 0 && out.size() < MAX_LIST_ENTRIES) {
            out.add(new String(list.bytes(list.u8()), StandardCharsets.UTF_8));
        }
        return List.copyOf(out);
    }

    /** A u8- or u16-length-prefixed list of u16 values (versions, groups). */
    static List<Integer> u16List(ByteCursor c, boolean u8Length) throws FormatException {
        ByteCursor list = c.slice(u8Length ? c.u8() : c.u16(), "TLS u16 list");
        List<Integer> out = new ArrayList<>();
        while (list.remaining() > 0 && out.size() < MAX_LIST_ENTRIES) {
            out.add(list.u16());
        }
        return List.copyOf(out);
    }

    /** key_share in a ClientHello: the offered groups. */
    static List<Integer> keyShareGroups(ByteCursor c) throws FormatException {
        ByteCursor list = c.slice(c.u16(), "TLS key_share list");
        List<Integer> out = new ArrayList<>();
        while (list.remaining() > 0 && out.size() < MAX_LIST_ENTRIES) {
            out.add(list.u16());
            list.skip(list.u16());
        }
        return List.copyOf(out);
    }
}
