package dev.phonehome.testkit;

import com.android.apksig.ApkSigner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a well-formed APK: manifest, DEX files, other entries, optionally signed with
 * apksig (v1, v2, v3 as chosen). Malformed containers are built by the tests that need
 * them, byte by byte; this builder makes the ordinary case easy.
 */
public final class ApkBuilder {
    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private final Map<String, Boolean> stored = new LinkedHashMap<>();
    private SigningIdentity signer;
    private boolean v1 = true;
    private boolean v2 = true;
    private boolean v3 = false;
    private int minSdk = 24;

    /** The binary AndroidManifest.xml. */
    public ApkBuilder manifest(byte[] binaryXml) {
        return entry("AndroidManifest.xml", binaryXml);
    }

    /** DEX files, named {@code classes.dex}, {@code classes2.dex}, ... in order. */
    public ApkBuilder dex(List<byte[]> dexFiles) {
        for (int i = 0; i < dexFiles.size(); i++) {
            entry(i == 0 ? "classes.dex" : "classes" + (i + 1) + ".dex", dexFiles.get(i));
        }
        return this;
    }

    /** A deflated entry. */
    public ApkBuilder entry(String name, byte[] data) {
        entries.put(name, data);
        stored.put(name, false);
        return this;
    }

    /** A stored (uncompressed) entry, as Android wants for resources.arsc and native libraries. */
    public ApkBuilder storedEntry(String name, byte[] data) {
        entries.put(name, data);
        stored.put(name, true);
        return this;
    }

    public ApkBuilder signedBy(SigningIdentity identity) {
        this.signer = identity;
        return this;
    }

    public ApkBuilder schemes(boolean v1Scheme, boolean v2Scheme, boolean v3Scheme) {
        this.v1 = v1Scheme;
        this.v2 = v2Scheme;
        this.v3 = v3Scheme;
        return this;
    }

    /** The minimum SDK the signer assumes; it chooses v1 digest algorithms from it. */
    public ApkBuilder minSdk(int sdk) {
        this.minSdk = sdk;
        return this;
    }

    /** The unsigned ZIP bytes. */
    public byte[] buildUnsigned() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry ze = new ZipEntry(e.getKey());
                ze.setTime(315532800000L); // 1980-01-01: fixed, so fixtures are reproducible
                if (stored.get(e.getKey())) {
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    ze.setMethod(ZipEntry.STORED);
                    ze.setSize(e.getValue().length);
                    ze.setCompressedSize(e.getValue().length);
                    ze.setCrc(crc.getValue());
                }
                zip.putNextEntry(ze);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes the APK, signed when a signer was given. */
    public Path write(Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            if (signer == null) {
                Files.write(target, buildUnsigned());
                return target;
            }
            Path unsigned = Files.createTempFile("phonehome-unsigned", ".apk");
            try {
                Files.write(unsigned, buildUnsigned());
                ApkSigner.SignerConfig config = new ApkSigner.SignerConfig.Builder("CERT", signer.privateKey(),
                        new ArrayList<>(List.of(signer.certificate()))).build();
                new ApkSigner.Builder(List.of(config))
                        .setInputApk(unsigned.toFile())
                        .setOutputApk(target.toFile())
                        .setMinSdkVersion(minSdk)
                        .setV1SigningEnabled(v1)
                        .setV2SigningEnabled(v2)
                        .setV3SigningEnabled(v3)
                        .build()
                        .sign();
            } finally {
                Files.deleteIfExists(unsigned);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("apksig could not sign " + target + ": " + e.getMessage(), e);
        }
    }

    /** The APK bytes, signed when a signer was given. */
    public byte[] build() {
        try {
            Path tmp = Files.createTempFile("phonehome-apk", ".apk");
            try {
                write(tmp);
                return Files.readAllBytes(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
