package dev.phonehome.apk.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.core.finding.EvidenceLevel;
import dev.phonehome.core.finding.Finding;
import dev.phonehome.core.finding.Severity;
import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.core.kb.LexiconTerm;
import dev.phonehome.testkit.ApkBuilder;
import dev.phonehome.testkit.axml.ManifestXml;
import dev.phonehome.testkit.axml.ResourcesArscWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeywordListDetectorTest {
    private static final List<String> SENSITIVE = List.of("法轮功", "六四", "天安门事件", "达赖喇嘛", "藏独", "台独", "疆独",
            "自由西藏", "反送中", "刘晓波");
    private static final String FILTER = """
            package com.phonehome.sample.adfilter;
            import java.io.BufferedReader;
            import java.io.InputStreamReader;
            import java.util.ArrayList;
            import java.util.List;
            public class AdTitleFilter {
                static final String LIST_ASSET = "ad_blacklist.txt";
                private final List<String> terms = new ArrayList<>();
                public AdTitleFilter(android.content.Context context) throws java.io.IOException {
                    BufferedReader r = new BufferedReader(new InputStreamReader(context.getAssets().open(LIST_ASSET)));
                    for (String line; (line = r.readLine()) != null; ) {
                        terms.add(line.trim());
                    }
                }
                public boolean shouldHide(String adTitle, String adBody) {
                    for (String t : terms) {
                        if (adTitle.contains(t) || adBody.contains(t)) {
                            return true;
                        }
                    }
                    return false;
                }
            }
            """;

    @TempDir
    Path dir;

    private List<Finding> scan(String location, ApkBuilder apk) {
        return ScanHarness.findings(dir, location, apk, new KeywordListDetector());
    }

    private static ApkBuilder app() {
        return new ApkBuilder().manifest(ManifestXml.app("com.phonehome.sample.adfilter").versionCode(7).minSdk(26)
                .targetSdk(31).build()).signedBy(ScanHarness.VENDOR);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Test
    void anAssetListInASystemAppNamesItsReaderAndWhatItIsAppliedTo() {
        List<Finding> findings = scan("product/app/AdFilter/AdFilter.apk", app()
                .dex(ScanHarness.dex(Map.of("com.phonehome.sample.adfilter.AdTitleFilter", FILTER)))
                .entry("assets/ad_blacklist.txt", utf8(String.join("\n", SENSITIVE) + "\n")));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("censorship.keyword-list");
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.level()).isEqualTo(EvidenceLevel.REFERENCED);
            assertThat(f.attributes()).containsEntry("encoding", "assets/ad_blacklist.txt > lines")
                    .containsEntry("entries", "10").containsEntry("share", "1.00").containsEntry("readers", "1");
            assertThat(f.attributes().get("sample")).contains("法轮功");
            assertThat(f.evidence()).anySatisfy(e -> {
                assertThat(e.kind()).isEqualTo("code");
                assertThat(e.location()).contains("Lcom/phonehome/sample/adfilter/AdTitleFilter;-><init>");
            });
            assertThat(f.evidence()).anySatisfy(e -> {
                assertThat(e.location()).contains("shouldHide");
                assertThat(e.detail()).contains("Ljava/lang/String;->contains");
            });
        });
    }

    /** A filter that gets its terms from {@code getStringArray(id)}, the id inlined as javac does for app R fields. */
    private static String arrayFilter(String idExpression) {
        return """
                package com.phonehome.sample.adfilter;
                public class ArrayTitleFilter {
                    private final String[] terms;
                    public ArrayTitleFilter(android.content.Context context) {
                        terms = context.getResources().getStringArray(%s);
                    }
                    public boolean shouldHide(String adTitle) {
                        for (String t : terms) {
                            if (adTitle.contains(t)) {
                                return true;
                            }
                        }
                        return false;
                    }
                }
                """.formatted(idExpression);
    }

    @Test
    void aStringArrayNamesTheCodeThatLoadsItsResourceId() {
        ResourcesArscWriter res = new ResourcesArscWriter("com.phonehome.sample.adfilter");
        int words = res.stringArray("blocked_words", SENSITIVE);
        List<Finding> findings = scan("system/app/AdFilter/AdFilter.apk", app()
                .dex(ScanHarness.dex(Map.of("com.phonehome.sample.adfilter.ArrayTitleFilter",
                        arrayFilter("0x" + Integer.toHexString(words)))))
                .storedEntry("resources.arsc", res.build()));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.level()).isEqualTo(EvidenceLevel.REFERENCED);
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.attributes()).containsEntry("source", "resources.arsc array/blocked_words [default]")
                    .containsEntry("encoding", "resources.arsc array/blocked_words [default] > items")
                    .containsEntry("entries", "10").containsEntry("readers", "1");
            assertThat(f.evidence()).anySatisfy(e -> {
                assertThat(e.kind()).isEqualTo("code");
                assertThat(e.location()).contains("ArrayTitleFilter;-><init>");
            });
            assertThat(f.evidence()).anySatisfy(e -> assertThat(e.location()).contains("shouldHide"));
        });
    }

    @Test
    void aStringArrayReadThroughANonFinalRFieldNamesItsReaderToo() {
        ResourcesArscWriter res = new ResourcesArscWriter("com.phonehome.lib");
        int words = res.stringArray("blocked_words", SENSITIVE);
        String rClass = "package com.phonehome.lib; public final class R { public static final class array {"
                + " public static int blocked_words = 0x" + Integer.toHexString(words) + "; } }";
        List<Finding> findings = scan("system/app/Lib/Lib.apk", app()
                .dex(ScanHarness.dex(Map.of("com.phonehome.lib.R", rClass,
                        "com.phonehome.sample.adfilter.ArrayTitleFilter",
                        arrayFilter("com.phonehome.lib.R.array.blocked_words"))))
                .storedEntry("resources.arsc", res.build()));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.level()).isEqualTo(EvidenceLevel.REFERENCED);
            assertThat(f.evidence()).anySatisfy(e -> assertThat(e.location()).contains("ArrayTitleFilter;-><init>"));
        });
    }

    @Test
    void anArrayOfStringReferencesIsReadThroughTheReferences() {
        ResourcesArscWriter res = new ResourcesArscWriter("com.phonehome.test");
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < SENSITIVE.size(); i++) {
            ids.add(res.string("string", "w" + i, SENSITIVE.get(i)));
        }
        res.arrayOfReferences("words", ids);
        List<Finding> findings = scan("data/app/Words/base.apk", app().storedEntry("resources.arsc", res.build()));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.level()).isEqualTo(EvidenceLevel.PRESENT);
            assertThat(f.attributes()).containsEntry("entries", "10").containsEntry("matches", "10");
        });
    }

    @Test
    void aRawResourceOpenedByIdNamesItsReader() {
        ResourcesArscWriter res = new ResourcesArscWriter("com.phonehome.sample.adfilter");
        int raw = res.string("raw", "w", "res/raw/w.txt");
        String reader = """
                package com.phonehome.sample.adfilter;
                public class RawListFilter {
                    private final java.io.InputStream list;
                    public RawListFilter(android.content.Context context) {
                        list = context.getResources().openRawResource(%s);
                    }
                    public boolean filterContent(String text) {
                        return text.isEmpty() || list == null;
                    }
                }
                """.formatted("0x" + Integer.toHexString(raw));
        List<Finding> findings = scan("system/app/AdFilter/AdFilter.apk", app()
                .dex(ScanHarness.dex(Map.of("com.phonehome.sample.adfilter.RawListFilter", reader)))
                .storedEntry("resources.arsc", res.build())
                .entry("res/raw/w.txt", utf8(String.join("\n", SENSITIVE))));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.level()).isEqualTo(EvidenceLevel.REFERENCED);
            assertThat(f.attributes()).containsEntry("source", "res/raw/w.txt").containsEntry("readers", "1");
            assertThat(f.evidence()).anySatisfy(e -> assertThat(e.location()).contains("RawListFilter;-><init>"));
            assertThat(f.evidence()).anySatisfy(e -> {
                assertThat(e.location()).contains("filterContent");
                assertThat(e.detail()).contains("Ljava/lang/String;->isEmpty");
            });
        });
    }

    @Test
    void aStringArrayOfProductNamesIsNotReported() {
        ResourcesArscWriter res = new ResourcesArscWriter("com.phonehome.test");
        int products = res.stringArray("featured", List.of("Galaxy S24", "Redmi Note 13", "Pixel 8", "Mi Cloud",
                "Game Center", "小米", "应用商店", "Weather"));
        List<Finding> findings = scan("system/app/Store/Store.apk", app()
                .dex(ScanHarness.dex(Map.of("com.phonehome.sample.adfilter.ArrayTitleFilter",
                        arrayFilter("0x" + Integer.toHexString(products)))))
                .storedEntry("resources.arsc", res.build()));
        assertThat(findings).isEmpty();
    }

    @Test
    void aBase64GzipJsonListInAnAppOfTheDataPartitionIsMedium() {
        String json = "{\"version\":3,\"words\":[" + String.join(",", SENSITIVE.stream().map(s -> "\"" + s + "\"")
                .toList()) + ",\"优惠券\",\"天气\"]}";
        byte[] blob = utf8(Base64.getMimeEncoder().encodeToString(gzip(utf8(json))));
        List<Finding> findings = scan("data/app/Words/base.apk", app().entry("assets/cfg/w.dat", blob));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.level()).isEqualTo(EvidenceLevel.PRESENT);
            assertThat(f.attributes()).containsEntry("encoding", "assets/cfg/w.dat > base64 > gzip > json")
                    .containsEntry("entries", "12").containsEntry("matches", "10");
        });
    }

    @Test
    void aListInALongStringConstantNamesTheMethodHoldingIt() {
        String source = "package com.phonehome.test; public class Words { String list() { return \""
                + String.join(",", SENSITIVE) + "\"; } }";
        List<Finding> findings = scan("system/app/Words/Words.apk",
                app().dex(ScanHarness.dex(Map.of("com.phonehome.test.Words", source))));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.attributes().get("source")).contains("Lcom/phonehome/test/Words;->list()");
            assertThat(f.attributes().get("encoding")).endsWith(" > separators");
        });
    }

    @Test
    void listsOfProductNamesAndEverydayWordsAreNotReported() {
        List<String> benign = KnowledgeBase.load().lexicon().benign().stream().map(LexiconTerm::term).toList();
        List<String> products = List.of("Galaxy S24", "Redmi Note 13", "Pixel 8", "Mi Cloud", "Game Center",
                "小米", "应用商店", "Weather", "Themes", "Wallpaper");
        List<Finding> findings = scan("system/app/Store/Store.apk", app()
                .entry("assets/benign.txt", utf8(String.join("\n", benign)))
                .entry("assets/products.json", utf8("[\"" + String.join("\",\"", products) + "\"]"))
                .entry("res/raw/products_gz.bin", gzip(utf8(String.join("\n", products)))));
        assertThat(findings).isEmpty();
    }

    @Test
    void hostileBlobsAreSkipped() {
        byte[] bomb = gzip(new byte[TermListDecoder.MAX_DECODED + 1]);
        byte[] list = gzip(utf8(String.join("\n", SENSITIVE)));
        byte[] truncated = java.util.Arrays.copyOf(list, list.length / 2);
        List<Finding> findings = scan("data/app/Hostile/base.apk", app().entry("assets/bomb.gz", bomb)
                .entry("assets/truncated.gz", truncated)
                .entry("assets/latin1.txt", "caf\u00e9\n".repeat(10).getBytes(StandardCharsets.ISO_8859_1))
                .entry("assets/nested.b64", utf8(nest(utf8(String.join("\n", SENSITIVE)), 6))));
        assertThat(findings).isEmpty();
    }

    /** The bytes base64-encoded {@code times} times, deeper than the decoder peels. */
    private static String nest(byte[] data, int times) {
        byte[] out = data;
        for (int i = 0; i < times; i++) {
            out = utf8(Base64.getEncoder().encodeToString(out));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
