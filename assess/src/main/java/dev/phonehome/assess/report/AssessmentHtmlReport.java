package dev.phonehome.assess.report;

import dev.phonehome.assess.device.DeviceDescription;
import dev.phonehome.assess.model.Assessment;
import dev.phonehome.assess.report.html.AppSections;
import dev.phonehome.assess.report.html.CaptureTimeline;
import dev.phonehome.assess.report.html.DestinationTable;
import dev.phonehome.assess.report.html.ExchangeTable;
import dev.phonehome.assess.report.html.ExecutiveSummary;
import dev.phonehome.assess.report.html.FlowMap;
import dev.phonehome.assess.report.html.PageIndex;
import dev.phonehome.assess.report.html.ParameterTables;
import dev.phonehome.assess.report.html.PersonalDataMatrix;
import dev.phonehome.assess.report.html.RiskRegister;
import dev.phonehome.assess.report.html.RulesAndProblems;
import dev.phonehome.assess.report.html.TrackersByOrganisation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The assessment as one self-contained HTML page a regulator can read and print: executive
 * summary, risk register, data flows by jurisdiction, trackers, parameters, personal data,
 * the capture's timeline and exchanges, one section per app, the rules. Rendered from the
 * {@link Assessment} alone; nothing is fetched (inline style, script and SVG under a
 * Content-Security-Policy that forbids every load), and the same assessment gives the same bytes.
 */
public final class AssessmentHtmlReport {
    private static final String NAV = "<nav class=\"toolbar\"><a href=\"#summary\">Summary</a><a href=\"#risks\">Risks</a>"
            + "<a href=\"#flows\">Data flows</a><a href=\"#trackers\">Trackers</a><a href=\"#parameters\">Parameters</a>"
            + "<a href=\"#personal-data\">Personal data</a><a href=\"#capture\">Capture</a><a href=\"#apps\">Apps</a>"
            + "<a href=\"#rules\">Rules</a><span class=\"filters\"><input id=\"q\" type=\"search\" "
            + "placeholder=\"Filter: package, host, rule, parameter…\" aria-label=\"Filter\"><select id=\"severity\" "
            + "aria-label=\"Minimum severity\"><option value=\"INFO\">all severities</option><option value=\"LOW\">"
            + "low and above</option><option value=\"MEDIUM\">medium and above</option><option value=\"HIGH\">high "
            + "and above</option><option value=\"CRITICAL\">critical</option></select><output id=\"filter-status\">"
            + "</output></span></nav>\n";

    private AssessmentHtmlReport() {
    }

    public static String render(Assessment a) {
        String device = a.device().map(DeviceDescription::name).or(() -> a.inputs().firmware()).orElse("the device");
        Html h = new Html().begin("phonehome assessment: " + Html.visible(device, PageIndex.NAME), subtitle(a),
                Html.resource(Html.class, "report.css") + Html.resource(AssessmentHtmlReport.class, "html/assessment.css"),
                Html.resource(AssessmentHtmlReport.class, "html/assessment.js"));
        PageIndex index = new PageIndex(a);
        h.raw(NAV);
        ExecutiveSummary.write(h, a, index);
        RiskRegister.write(h, a.risks(), index);
        h.raw("<section id=\"flows\"><h2>Data flows by jurisdiction</h2>");
        FlowMap.write(h, device, a.destinations());
        DestinationTable.write(h, a.destinations(), index);
        h.raw("</section>\n");
        TrackersByOrganisation.write(h, a.apps(), a.destinations(), index);
        ParameterTables.write(h, a.parameters(), a.exchanges(), index);
        PersonalDataMatrix.write(h, a.exchanges(), a.destinations(), index);
        h.raw("<section id=\"capture\"><h2>Capture</h2>");
        CaptureTimeline.write(h, a.exchanges(), index);
        ExchangeTable.write(h, a.exchanges().size(), index);
        h.raw("</section>\n");
        AppSections.write(h, a.apps(), index);
        RulesAndProblems.write(h, a.rules(), a.problems());
        return h.end();
    }

    /** Writes {@link #render} to {@code file} as UTF-8. */
    public static void write(Assessment a, Path file) throws IOException {
        Files.writeString(file, render(a), StandardCharsets.UTF_8);
    }

    private static String subtitle(Assessment a) {
        return a.schema() + " · " + a.summary().openRisks() + " open risks · " + a.summary().apps() + " apps · "
                + a.summary().exchanges() + " exchanges · transfers judged on " + a.inputs().asOf();
    }
}
