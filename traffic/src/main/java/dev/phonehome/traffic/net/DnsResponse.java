package dev.phonehome.traffic.net;

import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the A, AAAA and CNAME answers of a DNS response (RFC 1035). Compression pointers must
 * point strictly backwards, which rules out loops; names are limited to 255 bytes.
 */
final class DnsResponse {
    private static final int TYPE_A = 1;
    private static final int TYPE_CNAME = 5;
    private static final int TYPE_AAAA = 28;
    private static final int MAX_NAME_BYTES = 255;
    private static final int MAX_RECORDS = 512;
    private static final int MAX_ALIAS_DEPTH = 16;

    record Answer(String name, InetAddress address) {
    }

    private DnsResponse() {
    }

    /** Each address with every name that leads to it through CNAMEs. Empty for queries. */
    static List<Answer> addresses(ByteBuffer message) throws FormatException {
        ByteCursor c = ByteCursor.over(message, "DNS message");
        c.skip(2);
        int flags = c.u16();
        if ((flags & 0x8000) == 0) {
            return List.of();
        }
        int questions = c.u16();
        int answers = c.u16();
        c.skip(4);
        if (questions + answers > MAX_RECORDS) {
            throw c.error(questions + " questions and " + answers + " answers, limit " + MAX_RECORDS);
        }
        for (int i = 0; i < questions; i++) {
            name(c);
            c.skip(4);
        }
        Map<String, String> aliasOf = new HashMap<>();
        List<Answer> direct = new ArrayList<>();
        for (int i = 0; i < answers; i++) {
            String owner = name(c);
            int type = c.u16();
            c.skip(6);
            int length = c.u16();
            int rdataStart = c.position();
            ByteCursor rdata = c.slice(length, "DNS rdata");
            if (type == TYPE_A && length == 4 || type == TYPE_AAAA && length == 16) {
                direct.add(new Answer(owner, IpDecoder.address(rdata.bytes(length))));
            } else if (type == TYPE_CNAME) {
                // The target may point anywhere earlier in the message, so read it in place.
                aliasOf.put(name(c.named("DNS CNAME").seek(rdataStart)), owner);
            }
        }
        List<Answer> all = new ArrayList<>();
        for (Answer a : direct) {
            String n = a.name();
            for (int depth = 0; n != null && depth < MAX_ALIAS_DEPTH; depth++) {
                all.add(new Answer(n, a.address()));
                n = aliasOf.get(n);
            }
        }
        return all;
    }

    /** A possibly compressed domain name at the cursor; the cursor ends after its in-place part. */
    static String name(ByteCursor c) throws FormatException {
        StringBuilder sb = new StringBuilder();
        ByteCursor at = c;
        int limit = c.position();
        boolean jumped = false;
        while (true) {
            int labelStart = at.position();
            int len = at.u8();
            if (len == 0) {
                break;
            }
            if ((len & 0xC0) == 0xC0) {
                int target = ((len & 0x3F) << 8) | at.u8();
                if (target >= Math.min(labelStart, limit)) {
                    throw at.error("compression pointer to " + target + " does not point backwards");
                }
                limit = target;
                if (!jumped) {
                    jumped = true;
                    at = c.named(c.structure());
                }
                at.seek(target);
                continue;
            }
            if ((len & 0xC0) != 0) {
                throw at.error("label type 0x" + Integer.toHexString(len & 0xC0));
            }
            if (sb.length() + len + 1 > MAX_NAME_BYTES) {
                throw at.error("name longer than " + MAX_NAME_BYTES + " bytes");
            }
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(new String(at.bytes(len), StandardCharsets.US_ASCII));
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
