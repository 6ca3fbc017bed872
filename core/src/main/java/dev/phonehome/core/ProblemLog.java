package dev.phonehome.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the coded problems of one input (a DEX file, a resource table, a capture...),
 * capped: a hostile file can repeat the same defect millions of times, so past the cap the
 * problems are only counted and one {@code problems.truncated} entry says how many were dropped.
 * Not thread-safe: one log per parse.
 */
public final class ProblemLog {
    public static final int DEFAULT_MAX_PROBLEMS = 1_000;

    private final String subject;
    private final int maxProblems;
    private final List<Problem> problems = new ArrayList<>();
    private long dropped;

    /** A log whose problems are about {@code subject} unless a call names another subject. */
    public ProblemLog(String subject) {
        this(subject, DEFAULT_MAX_PROBLEMS);
    }

    public ProblemLog(String subject, int maxProblems) {
        this.subject = subject;
        this.maxProblems = maxProblems;
    }

    /** The default subject, e.g. {@code classes2.dex}. */
    public String subject() {
        return subject;
    }

    /** A problem about the default subject. */
    public void add(String code, String message) {
        add(code, subject, message);
    }

    public void add(String code, String problemSubject, String message) {
        if (problems.size() < maxProblems) {
            problems.add(new Problem(code, problemSubject, message));
        } else {
            dropped++;
        }
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** The problems in the order met, plus the {@code problems.truncated} entry when some were dropped. */
    public List<Problem> problems() {
        List<Problem> out = new ArrayList<>(problems);
        if (dropped > 0) {
            out.add(new Problem("problems.truncated", subject, dropped + " more problems not recorded"));
        }
        return List.copyOf(out);
    }
}
