package dev.phonehome.traffic.adapter;

import java.util.List;

/**
 * The parameter inventory of a capture: what NCSC counted as "61 parameters" sent by one SDK.
 *
 * @param exchanges  exchanges seen
 * @param parameters distinct parameters, sorted by host, tracker (unrecognised first), context and name
 * @param dropped    values not counted because the inventory reached its limit of distinct parameters
 */
public record InventoryReport(long exchanges, List<InventoryEntry> parameters, long dropped) {
    public InventoryReport {
        parameters = List.copyOf(parameters);
    }
}
