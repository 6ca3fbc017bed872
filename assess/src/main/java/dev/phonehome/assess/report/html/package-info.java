/**
 * The sections of the assessment's HTML page, written by
 * {@link dev.phonehome.assess.report.AssessmentHtmlReport}; internal to it. Every string from the
 * assessment is untrusted and goes through {@link dev.phonehome.assess.report.Html}; links only
 * ever point at anchors made by {@link dev.phonehome.assess.report.html.Anchors}.
 */
package dev.phonehome.assess.report.html;
