package dev.phonehome.assess.rules;

/**
 * A rules file is malformed. The shipped file is ours, so loading stops at once; the message
 * names the file and the rule (or {@code header}) to fix.
 */
public final class RiskRulesException extends RuntimeException {
    private final String file;
    private final String rule;

    public RiskRulesException(String file, String rule, String message) {
        this(file, rule, message, null);
    }

    public RiskRulesException(String file, String rule, String message, Throwable cause) {
        super(file + ": " + rule + ": " + message, cause);
        this.file = file;
        this.rule = rule;
    }

    public String file() {
        return file;
    }

    /** The offending rule, e.g. {@code rule 'PH-COV-001'}, or {@code header}. */
    public String rule() {
        return rule;
    }
}
