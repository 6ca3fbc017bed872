package dev.phonehome.testkit;

import com.android.tools.r8.ByteDataView;
import com.android.tools.r8.CompilationFailedException;
import com.android.tools.r8.D8;
import com.android.tools.r8.D8Command;
import com.android.tools.r8.DexIndexedConsumer;
import com.android.tools.r8.DiagnosticsHandler;
import com.android.tools.r8.JdkClassFileProvider;
import com.android.tools.r8.origin.Origin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources in memory with javac and turns them into real DEX files with D8.
 *
 * <p>Sources given as <em>library</em> (for example stubs of {@code android.telephony.SmsManager})
 * are compiled so the program can reference them, but are left out of the DEX, as the Android
 * framework is on a phone.
 */
public final class DexCompiler {
    private final Map<String, String> programSources = new LinkedHashMap<>();
    private final Map<String, String> librarySources = new LinkedHashMap<>();
    private final List<byte[]> programClasses = new ArrayList<>();
    private int minApi = 24;

    /** Adds a program source; {@code className} is the fully qualified name, e.g. {@code com.example.Main}. */
    public DexCompiler source(String className, String code) {
        programSources.put(className, code);
        return this;
    }

    /** Adds a source that is compiled against but not dexed (framework stubs). */
    public DexCompiler librarySource(String className, String code) {
        librarySources.put(className, code);
        return this;
    }

    /** Adds already compiled class files (e.g. from an SDK jar) to the program. */
    public DexCompiler classFile(byte[] classBytes) {
        programClasses.add(classBytes);
        return this;
    }

    public DexCompiler minApi(int api) {
        this.minApi = api;
        return this;
    }

    /** Compiles and dexes; returns the DEX files in order ({@code classes.dex}, {@code classes2.dex}, ...). */
    public List<byte[]> compile() {
        Map<String, byte[]> classes = javac();
        TreeMap<Integer, byte[]> dexFiles = new TreeMap<>();
        try {
            D8Command.Builder builder = D8Command.builder()
                    .setMinApiLevel(minApi)
                    .setDisableDesugaring(false)
                    .addLibraryResourceProvider(JdkClassFileProvider.fromSystemJdk())
                    .setProgramConsumer(new DexIndexedConsumer() {
                        @Override
                        public synchronized void accept(int fileIndex, ByteDataView data, Set<String> descriptors,
                                DiagnosticsHandler handler) {
                            dexFiles.put(fileIndex, data.copyByteData());
                        }

                        @Override
                        public void finished(DiagnosticsHandler handler) {
                        }
                    });
            for (Map.Entry<String, byte[]> e : classes.entrySet()) {
                if (isProgramClass(e.getKey())) {
                    builder.addClassProgramData(e.getValue(), Origin.unknown());
                }
            }
            for (byte[] c : programClasses) {
                builder.addClassProgramData(c, Origin.unknown());
            }
            D8.run(builder.build());
        } catch (CompilationFailedException | IOException e) {
            throw new IllegalStateException("D8 failed: " + e.getMessage(), e);
        }
        return new ArrayList<>(dexFiles.values());
    }

    /** The single DEX file of a program small enough for one. */
    public byte[] compileOne() {
        List<byte[]> dex = compile();
        if (dex.size() != 1) {
            throw new IllegalStateException("expected one DEX file, D8 wrote " + dex.size());
        }
        return dex.get(0);
    }

    private boolean isProgramClass(String binaryName) {
        String outer = binaryName.contains("$") ? binaryName.substring(0, binaryName.indexOf('$')) : binaryName;
        return !librarySources.containsKey(outer);
    }

    private Map<String, byte[]> javac() {
        if (programSources.isEmpty() && librarySources.isEmpty()) {
            return Map.of();
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8);
        Map<String, ByteArrayOutputStream> out = new TreeMap<>();
        ForwardingJavaFileManager<StandardJavaFileManager> manager = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                    FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return out.computeIfAbsent(className, k -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        List<JavaFileObject> units = new ArrayList<>();
        programSources.forEach((name, code) -> units.add(new SourceFile(name, code)));
        librarySources.forEach((name, code) -> units.add(new SourceFile(name, code)));
        List<String> options = List.of("--release", "11", "-g:source", "-proc:none", "-Xlint:none");
        boolean ok = compiler.getTask(null, manager, diagnostics, options, null, units).call();
        if (!ok) {
            StringBuilder sb = new StringBuilder("javac failed:");
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                sb.append('\n').append(d);
            }
            throw new IllegalStateException(sb.toString());
        }
        Map<String, byte[]> result = new TreeMap<>();
        out.forEach((k, v) -> result.put(k, v.toByteArray()));
        return result;
    }

    private static final class SourceFile extends SimpleJavaFileObject {
        private final String code;

        SourceFile(String className, String code) {
            super(URI.create("string:///" + className.replace('.', '/') + ".java"), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }

}
