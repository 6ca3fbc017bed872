package dev.phonehome.traffic.capture;

import dev.phonehome.core.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects problems up to {@link #MAX_PROBLEMS}; beyond that only counts them, so that a
 * capture made of millions of bad packets cannot exhaust memory with its own error reports.
 */
public final class ProblemLog {
    public static final int MAX_PROBLEMS = 1_000;

    private final List<Problem> problems = new ArrayList<>();
    private long dropped;

    public void add(String code, String subject, String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new Problem(code, subject, message));
        } else {
            dropped++;
        }
    }

    /** The problems in the order met, plus one {@code problems.dropped} entry when the cap was hit. */
    public List<Problem> snapshot() {
        List<Problem> out = new ArrayList<>(problems);
        if (dropped > 0) {
            out.add(new Problem("problems.dropped", "capture", dropped + " further problems not recorded"));
        }
        return List.copyOf(out);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }
}
