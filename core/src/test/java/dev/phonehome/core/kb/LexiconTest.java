package dev.phonehome.core.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LexiconTest {
    private final Lexicon lexicon = KnowledgeBase.load().lexicon();

    @Test
    void censorshipStyleListScoresHigh() {
        List<String> blacklist = List.of("法轮功", "六四事件真相", "達賴喇嘛", "習近平", "藏独", "天安門事件", "手机壳", "新疆集中营");
        LexiconScore score = lexicon.score(blacklist);
        assertThat(score.inputs()).isEqualTo(8);
        assertThat(score.matches()).isEqualTo(7);
        assertThat(score.share()).isEqualTo(7 / 8.0);
        assertThat(score.sample()).doesNotContain("手机壳").contains("法轮功");
        assertThat(score.terms()).contains("六四", "六四事件", "達賴喇嘛");
    }

    @Test
    void productWordsScoreZero() {
        List<String> benign = lexicon.benign().stream().map(LexiconTerm::term).toList();
        LexiconScore score = lexicon.score(benign);
        assertThat(score.matches()).isZero();
        assertThat(score.share()).isZero();
        assertThat(score.sample()).isEmpty();
    }

    @Test
    void everySensitiveTermMatchesItself() {
        List<String> terms = lexicon.terms().stream().map(LexiconTerm::term).toList();
        assertThat(lexicon.score(terms).share()).isEqualTo(1.0);
    }

    @Test
    void normalisationFoldsCaseAndWidth() {
        assertThat(lexicon.score(List.of("ＦＡＬＵＮ ＧＯＮＧ", "free tibet now", "ДАЛАЙ-ЛАМА")).matches()).isEqualTo(3);
    }

    @Test
    void alphabeticTermsMatchWholeWordsOnly() {
        assertThat(lexicon.score(List.of("Tiananmenx", "Kundunite", "UyghurMart")).matches()).isZero();
        assertThat(lexicon.score(List.of("about Tiananmen.")).terms()).containsExactly("tiananmen");
    }

    @Test
    void bothChineseScriptsAreListed() {
        assertThat(lexicon.terms()).extracting(LexiconTerm::language).contains("zh-Hans", "zh-Hant", "en", "ru", "bo", "ug");
        assertThat(lexicon.score(List.of("法轮功", "法輪功")).matches()).isEqualTo(2);
    }

    @Test
    void emptyInputScoresZero() {
        LexiconScore score = lexicon.score(List.of());
        assertThat(score.share()).isZero();
        assertThat(score.inputs()).isZero();
    }

    @Test
    void sampleIsBounded() {
        List<String> many = java.util.stream.IntStream.range(0, 100).mapToObj(i -> "法轮功" + i).toList();
        LexiconScore score = lexicon.score(many);
        assertThat(score.matches()).isEqualTo(100);
        assertThat(score.sample()).hasSize(Lexicon.SAMPLE_SIZE).isSorted();
    }
}
