package dev.phonehome.bench;

import dev.phonehome.apk.dex.DexClass;
import dev.phonehome.apk.dex.DexFile;
import dev.phonehome.apk.dex.DexFormatException;
import dev.phonehome.apk.dex.DexIndex;
import dev.phonehome.apk.dex.DexMethod;
import dev.phonehome.core.kb.CodeSignatureIndex;
import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.core.kb.SourcedValue;
import dev.phonehome.core.kb.Tracker;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Tracker matching next to DEX reading, on the androguard corpus: what the tracker detector
 * matches, i.e. every defined class and each DEX file's distinct call-site owners, against the
 * knowledge base's code signatures. {@code trie} is {@link CodeSignatureIndex}; {@code regexes}
 * is the Exodus way, each signature a regex searched in each name; {@code indexDex} reads the
 * same DEX files (classes and call sites), the work the matching rides on. Scores are passes
 * over the whole corpus per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TrackerMatchBenchmark {
    private List<Corpus.Named> dex;
    private List<String> names;
    private CodeSignatureIndex trie;
    private List<Pattern> regexes;

    @Setup(Level.Trial)
    public void load() throws DexFormatException {
        dex = new ArrayList<>();
        Set<String> distinct = new LinkedHashSet<>();
        List<String> all = new ArrayList<>();
        long callSites = 0;
        for (Corpus.Named f : Corpus.installed().dexFiles()) {
            List<DexIndex> indexes;
            try {
                indexes = DexFile.parse(ByteBuffer.wrap(f.bytes()), f.name());
            } catch (DexFormatException e) {
                continue;
            }
            dex.add(f);
            Set<String> owners = new LinkedHashSet<>();
            for (DexIndex index : indexes) {
                for (DexClass c : index.classes()) {
                    all.add(c.descriptor());
                    for (DexMethod m : c.methods()) {
                        m.calls().forEach(call -> owners.add(call.target().owner()));
                        callSites += m.calls().size();
                    }
                }
            }
            all.addAll(owners);
        }
        distinct.addAll(all);
        names = all;
        KnowledgeBase kb = KnowledgeBase.load();
        trie = kb.codeSignatures();
        regexes = new ArrayList<>();
        for (Tracker t : kb.trackers().all()) {
            for (SourcedValue p : t.codePrefixes()) {
                regexes.add(Pattern.compile("L" + Pattern.quote(p.value().replace('.', '/'))));
            }
            for (SourcedValue r : t.codeRegexes()) {
                regexes.add(Pattern.compile(r.value().replace("\\.", "/")));
            }
        }
        System.out.printf("%n%d names (%d distinct; %d call sites), %d signatures, %d DEX files%n", names.size(),
                distinct.size(), callSites, regexes.size(), dex.size());
    }

    @Benchmark
    public long trie() {
        long matches = 0;
        for (String name : names) {
            matches += trie.match(name).size();
        }
        return matches;
    }

    @Benchmark
    public long regexes() {
        long matches = 0;
        for (String name : names) {
            for (Pattern p : regexes) {
                if (p.matcher(name).find()) {
                    matches++;
                }
            }
        }
        return matches;
    }

    @Benchmark
    public void indexDex(Blackhole sink) throws DexFormatException {
        for (Corpus.Named f : dex) {
            for (DexIndex index : DexFile.parse(ByteBuffer.wrap(f.bytes()), f.name())) {
                for (DexClass c : index.classes()) {
                    for (DexMethod m : c.methods()) {
                        sink.consume(m.calls());
                    }
                }
            }
        }
    }
}
