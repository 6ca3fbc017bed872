package dev.phonehome.core.kb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Values filed under domain suffixes, found for a host in one pass over its labels from the right:
 * {@code adjust.com} covers {@code app.adjust.com} but never {@code notadjust.com}. Build it, then
 * only read it (reads are thread-safe once built).
 *
 * @param <T> what is filed under a domain
 */
public final class DomainTrie<T> {
    private static final class Node<T> {
        final Map<String, Node<T>> children = new HashMap<>();
        final List<T> values = new ArrayList<>();
    }

    private final Node<T> root = new Node<>();

    /** Files {@code value} under {@code domain} (lower case, no trailing dot). */
    public void add(String domain, T value) {
        Node<T> node = root;
        String[] labels = domain.split("\\.");
        for (int i = labels.length - 1; i >= 0; i--) {
            node = node.children.computeIfAbsent(labels[i], l -> new Node<>());
        }
        node.values.add(value);
    }

    /** The values of every domain {@code host} (lower case, no trailing dot) is or is under, shortest domain first. */
    public List<T> find(String host) {
        List<T> found = new ArrayList<>();
        Node<T> node = root;
        int end = host.length();
        while (node != null && end > 0) {
            int dot = host.lastIndexOf('.', end - 1);
            node = node.children.get(host.substring(dot + 1, end));
            if (node != null) {
                found.addAll(node.values);
            }
            end = dot;
        }
        return found;
    }
}
