package dev.phonehome.apk.resources;

import dev.phonehome.core.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the coded problems of one resource file. Capped, because a hostile file can
 * repeat the same defect millions of times: past {@link #MAX_PROBLEMS} one summary problem
 * is kept and the rest are counted.
 */
public final class ProblemLog {
    public static final int MAX_PROBLEMS = 200;

    private final String subject;
    private final List<Problem> problems = new ArrayList<>();
    private long dropped;

    public ProblemLog(String subject) {
        this.subject = subject;
    }

    public void add(String code, String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new Problem(code, subject, message));
        } else {
            dropped++;
        }
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** The problems in the order met, plus a {@code problems.truncated} summary when some were dropped. */
    public List<Problem> problems() {
        List<Problem> all = new ArrayList<>(problems);
        if (dropped > 0) {
            all.add(new Problem("problems.truncated", subject, dropped + " further problems not recorded"));
        }
        return List.copyOf(all);
    }
}
