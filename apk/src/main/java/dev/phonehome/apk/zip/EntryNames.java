package dev.phonehome.apk.zip;

import dev.phonehome.core.Problem;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Decodes entry names and flags the ones that would escape a directory if anyone extracted them. */
final class EntryNames {
    /** Bit 11 of the general purpose flags: the name is UTF-8. */
    private static final int UTF8_FLAG = 0x0800;
    /** The historical ZIP charset; ISO-8859-1 when the JDK lacks it (both map every byte). */
    private static final Charset LEGACY = Charset.isSupported("IBM437")
            ? Charset.forName("IBM437") : StandardCharsets.ISO_8859_1;

    private EntryNames() {
    }

    /** UTF-8 when the bytes are valid UTF-8 (whatever the flag says, as Android does), else the legacy charset. */
    static String decode(byte[] raw, int flags, List<Problem> problems) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            String name = new String(raw, LEGACY);
            String flag = (flags & UTF8_FLAG) != 0 ? " although the UTF-8 flag is set" : "";
            problems.add(new Problem("zip.name-not-utf8", name,
                    "entry name of " + raw.length + " bytes is not UTF-8" + flag + "; decoded as " + LEGACY.name()));
            return name;
        }
    }

    /** Records {@code zip.suspicious-name} for traversal, absolute, backslash, drive-letter or NUL names. */
    static void checkSafe(String name, List<Problem> problems) {
        String why = unsafeReason(name);
        if (why != null) {
            problems.add(new Problem("zip.suspicious-name", name, "entry name " + why));
        }
    }

    private static String unsafeReason(String name) {
        if (name.isEmpty()) {
            return "is empty";
        }
        if (name.indexOf('\0') >= 0) {
            return "contains NUL";
        }
        if (name.indexOf('\\') >= 0) {
            return "contains a backslash";
        }
        if (name.startsWith("/")) {
            return "is absolute";
        }
        if (name.length() >= 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0))) {
            return "starts with a drive letter";
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..")) {
                return "contains a '..' segment";
            }
        }
        return null;
    }
}
