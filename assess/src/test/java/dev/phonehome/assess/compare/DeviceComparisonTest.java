package dev.phonehome.assess.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.assess.SampleScan;
import dev.phonehome.assess.TrafficSample;
import dev.phonehome.assess.model.Assessment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceComparisonTest {
    @Test
    void putsDevicesSideBySideBySection() {
        Map<String, Assessment> named = new LinkedHashMap<>();
        named.put("Sample Phone 1", TrafficSample.assessment());
        named.put("static only", SampleScan.assessor().assess(SampleScan.staticInput()));
        Comparison c = DeviceComparison.of(named);

        assertThat(c.devices()).containsExactly("Sample Phone 1", "static only");
        assertThat(row(c, "risks by category", "COVERT_COMMUNICATION")).containsExactly("3 (max CRITICAL)", "2 (max HIGH)");
        assertThat(row(c, "risks by category", "THIRD_COUNTRY_TRANSFER")).containsExactly("1 (max HIGH)", "-");
        assertThat(row(c, "trackers embedded (apps)", "sensors-data")).containsExactly("1", "1");
        assertThat(row(c, "destinations by regime (hosts)", "THIRD_COUNTRY")).containsExactly("1", "-");
        assertThat(row(c, "inputs", "exchanges")).containsExactly("3", "0");

        String text = ComparisonText.text(c);
        assertThat(text.lines().findFirst().orElseThrow()).startsWith("SECTION").contains("Sample Phone 1", "static only");
        assertThat(ComparisonText.markdown(c)).contains("| risks by category | FREEDOM\\_OF\\_EXPRESSION | 1 (max HIGH) | 1 (max HIGH) |");
    }

    private static List<String> row(Comparison c, String section, String item) {
        return c.rows().stream().filter(r -> r.section().equals(section) && r.item().equals(item)).findFirst()
                .orElseThrow(() -> new AssertionError(section + " / " + item)).values();
    }
}
