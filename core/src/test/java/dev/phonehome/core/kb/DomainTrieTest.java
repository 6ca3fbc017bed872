package dev.phonehome.core.kb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DomainTrieTest {
    @Test
    void findsEveryDomainAHostIsUnderOnLabelBoundaries() {
        DomainTrie<String> trie = new DomainTrie<>();
        trie.add("adjust.com", "adjust");
        trie.add("app.adjust.com", "app");
        trie.add("com", "tld");
        assertThat(trie.find("app.adjust.com")).containsExactly("tld", "adjust", "app");
        assertThat(trie.find("eu.app.adjust.com")).containsExactly("tld", "adjust", "app");
        assertThat(trie.find("notadjust.com")).containsExactly("tld");
        assertThat(trie.find("adjust.com.evil.org")).isEmpty();
        assertThat(trie.find("")).isEmpty();
        assertThat(trie.find("..")).isEmpty();
    }
}
