package dev.phonehome.apk.zip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Well-formed archives written with java.util.zip, the baseline the forged ones are compared to. */
final class ZipFixtures {
    private ZipFixtures() {
    }

    /** A small APK-shaped zip: a stored "DEX", a deflated manifest and resources, a directory. */
    static byte[] smallApk() {
        return zip(Map.of(
                "AndroidManifest.xml", repeat("<manifest package=\"dev.example\"/>", 40),
                "classes.dex", repeat("dex\n035\0", 100),
                "res/layout/main.xml", repeat("<LinearLayout/>", 20),
                "assets/empty.txt", new byte[0]), "classes.dex");
    }

    static byte[] repeat(String s, int times) {
        return s.repeat(times).getBytes(StandardCharsets.UTF_8);
    }

    /** Entries in name order; those listed in {@code storedNames} are stored, the rest deflated. */
    static byte[] zip(Map<String, byte[]> entries, String... storedNames) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (String name : entries.keySet().stream().sorted().toList()) {
                byte[] data = entries.get(name);
                ZipEntry e = new ZipEntry(name);
                if (java.util.Arrays.asList(storedNames).contains(name)) {
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(data.length);
                    e.setCompressedSize(data.length);
                    e.setCrc(crc.getValue());
                }
                out.putNextEntry(e);
                out.write(data);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
