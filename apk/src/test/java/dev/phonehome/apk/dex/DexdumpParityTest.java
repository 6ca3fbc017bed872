package dev.phonehome.apk.dex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Compares the index with Debian's {@code dexdump} (AOSP) over every DEX in the APKs and DEX
 * files that Debian's androguard package ships as examples: same classes in the same order with
 * the same access flags, superclass, interfaces and source file; same methods with the same
 * access flags; and the same invoke and const-string instructions at the same pc.
 */
class DexdumpParityTest {
    private static final Path EXAMPLES = Path.of("/usr/share/doc/androguard/examples");
    private static final Path DEXDUMP = Path.of("/usr/bin/dexdump");
    private static final Pattern DEX_ENTRY = Pattern.compile("classes\\d*\\.dex");

    @Test
    void everyExampleDexMatchesDexdump() throws Exception {
        assumeTrue(Files.isExecutable(DEXDUMP) && Files.isDirectory(EXAMPLES), "dexdump or androguard missing");
        List<String> mismatches = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int compared = 0;
        for (Path file : exampleFiles()) {
            for (Named dex : dexFiles(file)) {
                if (!seen.add(sha256(dex.bytes()))) {
                    continue;
                }
                List<DexdumpListing.Clazz> expected = dexdump(dex.bytes());
                if (expected == null) {
                    continue;
                }
                compared++;
                compare(dex, expected, mismatches);
            }
        }
        assertThat(compared).as("distinct DEX files compared").isGreaterThan(20);
        assertThat(mismatches).isEmpty();
    }

    private static void compare(Named dex, List<DexdumpListing.Clazz> expected, List<String> mismatches)
            throws DexFormatException {
        DexIndex index;
        try {
            index = DexFile.parse(ByteBuffer.wrap(dex.bytes()), dex.name()).get(0);
        } catch (DexFormatException e) {
            mismatches.add(dex.name() + ": refused: " + e.getMessage());
            return;
        }
        List<DexClass> classes = index.classes();
        if (classes.size() != expected.size()) {
            mismatches.add(dex.name() + ": " + classes.size() + " classes, dexdump " + expected.size());
            return;
        }
        for (int c = 0; c < classes.size(); c++) {
            DexClass actual = classes.get(c);
            DexdumpListing.Clazz want = expected.get(c);
            if (!facts(actual).equals(want.facts())) {
                mismatches.add(dex.name() + ": " + actual.descriptor() + " " + facts(actual) + ", dexdump "
                        + want.facts());
            }
            if (!actual.descriptor().equals(want.descriptor()) || actual.methods().size() != want.methods().size()) {
                mismatches.add(dex.name() + ": class " + c + " " + actual.descriptor() + "/"
                        + actual.methods().size() + " methods, dexdump " + want.descriptor() + "/"
                        + want.methods().size());
                continue;
            }
            for (int m = 0; m < actual.methods().size(); m++) {
                DexMethod method = actual.methods().get(m);
                DexdumpListing.Method wantMethod = want.methods().get(m);
                List<String> wantEvents = resolve(index, wantMethod.events());
                List<String> events = events(method);
                if (!method.ref().name().equals(wantMethod.name())
                        || !method.ref().descriptor().equals(wantMethod.type()) || !events.equals(wantEvents)
                        || !List.of(Integer.toHexString(method.accessFlags())).equals(wantMethod.facts())) {
                    mismatches.add(dex.name() + ": " + method.ref() + " " + events + ", dexdump "
                            + wantMethod.name() + wantMethod.type() + " " + wantEvents);
                }
            }
        }
    }

    private static List<String> facts(DexClass c) {
        List<String> facts = new ArrayList<>();
        facts.add("access " + Integer.toHexString(c.accessFlags()));
        if (c.superName() != null) {
            facts.add("super " + c.superName());
        }
        c.interfaces().forEach(i -> facts.add("interface " + i));
        facts.add("source " + (c.sourceFile() == null ? "unknown" : c.sourceFile()));
        return facts;
    }

    private static List<String> events(DexMethod method) {
        List<String> events = new ArrayList<>();
        int s = 0;
        int k = 0;
        while (s < method.strings().size() || k < method.calls().size()) {
            boolean stringFirst = k == method.calls().size()
                    || (s < method.strings().size() && method.strings().get(s).pc() < method.calls().get(k).pc());
            if (stringFirst) {
                StringUse use = method.strings().get(s++);
                events.add(use.pc() + " string " + use.value());
            } else {
                CallSite call = method.calls().get(k++);
                events.add(call.pc() + " method " + call.target());
            }
        }
        return events;
    }

    private static List<String> resolve(DexIndex index, List<String> dexdumpEvents) throws DexFormatException {
        List<String> out = new ArrayList<>();
        for (String event : dexdumpEvents) {
            String[] parts = event.split("[ @]");
            int idx = Integer.parseInt(parts[2]);
            if (parts[1].equals("call_site")) {
                for (MethodRef ref : index.callSite(idx)) {
                    out.add(parts[0] + " method " + ref);
                }
            } else {
                out.add(parts[0] + " " + parts[1] + " "
                        + (parts[1].equals("string") ? index.string(idx) : index.methodRef(idx).toString()));
            }
        }
        return out;
    }

    record Named(String name, byte[] bytes) {
    }

    private static List<Path> exampleFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(EXAMPLES)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().toLowerCase().contains("malware"))
                    .filter(p -> p.toString().endsWith(".apk") || p.toString().endsWith(".dex"))
                    .sorted().toList();
        }
    }

    private static List<Named> dexFiles(Path file) {
        List<Named> out = new ArrayList<>();
        try {
            if (file.toString().endsWith(".dex")) {
                out.add(new Named(file.toString(), Files.readAllBytes(file)));
                return out;
            }
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry e : zip.stream().toList()) {
                    if (DEX_ENTRY.matcher(e.getName()).matches()) {
                        out.add(new Named(file + "!" + e.getName(), zip.getInputStream(e).readAllBytes()));
                    }
                }
            }
        } catch (IOException e) {
            // Some examples are deliberately broken archives; the ZIP reader's tests cover those.
        }
        return out;
    }

    /** dexdump's listing, or null when dexdump refuses the file. */
    private static List<DexdumpListing.Clazz> dexdump(byte[] dex) throws IOException, InterruptedException {
        Path tmp = Files.createTempFile("parity", ".dex");
        try {
            Files.write(tmp, dex);
            Process p = new ProcessBuilder(DEXDUMP.toString(), "-d", tmp.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return DexdumpListing.parse(new String(out, StandardCharsets.UTF_8).lines().toList());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
