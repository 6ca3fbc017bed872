package dev.phonehome.apk.scan;

import dev.phonehome.core.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** SHA-256 of a whole file, streamed. */
final class FileDigest {
    private FileDigest() {
    }

    static String sha256(Path file) throws IOException {
        MessageDigest md = Digests.sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
