package dev.phonehome.apk.dex;

import dev.phonehome.core.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Problems met while indexing one DEX, capped so that a file built to fail everywhere cannot
 * fill the heap with reports; past the cap one {@code dex.problems-truncated} says how many.
 */
final class ProblemLog {
    static final int MAX_PROBLEMS = 1000;
    private final String dexName;
    private final List<Problem> problems = new ArrayList<>();
    private int dropped;

    ProblemLog(String dexName) {
        this.dexName = dexName;
    }

    /** Records a problem about {@code what} (a class or method of this DEX, or null for the file). */
    void add(String code, String what, String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new Problem(code, what == null ? dexName : dexName + " " + what, message));
        } else {
            dropped++;
        }
    }

    List<Problem> toList() {
        List<Problem> out = new ArrayList<>(problems);
        if (dropped > 0) {
            out.add(new Problem("dex.problems-truncated", dexName, dropped + " more problems not recorded"));
        }
        return List.copyOf(out);
    }
}
