package dev.phonehome.assess.compare;

import java.util.List;

/**
 * Devices side by side ({@value #SCHEMA}), like the vendor comparison of NCSC's study: one
 * column per device, one row per item of a section.
 *
 * @param schema  layout version
 * @param devices column headings: each device's name, or its file name
 * @param rows    sections in a fixed order, items sorted within each
 */
public record Comparison(String schema, List<String> devices, List<Row> rows) {
    public static final String SCHEMA = "phonehome.comparison/1";

    public Comparison {
        devices = List.copyOf(devices);
        rows = List.copyOf(rows);
    }

    /**
     * @param section e.g. {@code risks by category}
     * @param item    e.g. {@code PERSONAL_DATA}
     * @param values  one cell per device
     */
    public record Row(String section, String item, List<String> values) {
        public Row {
            values = List.copyOf(values);
        }
    }
}
