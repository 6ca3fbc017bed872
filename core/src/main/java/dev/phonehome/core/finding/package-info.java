/**
 * The vocabulary of results: {@link dev.phonehome.core.finding.Finding}s with
 * {@link dev.phonehome.core.finding.Evidence}, a {@link dev.phonehome.core.finding.Severity} and an
 * {@link dev.phonehome.core.finding.EvidenceLevel}. Engines produce findings; reports render them.
 */
package dev.phonehome.core.finding;
