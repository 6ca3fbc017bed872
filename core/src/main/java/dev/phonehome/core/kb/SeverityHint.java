package dev.phonehome.core.kb;

/** Severity suggested by the knowledge base before a finding's context is weighed. */
public enum SeverityHint {
    INFO, LOW, MEDIUM, HIGH, CRITICAL
}
