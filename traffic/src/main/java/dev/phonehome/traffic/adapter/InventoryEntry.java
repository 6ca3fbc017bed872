package dev.phonehome.traffic.adapter;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One distinct parameter sent to one destination by one SDK.
 *
 * @param host               destination host
 * @param tracker            the SDK (tracker id) when an adapter recognised the requests
 * @param context            {@code query}, {@code body}, {@code header} or {@code cookie}
 * @param name               the parameter, as in {@link SdkParameter#name()}
 * @param occurrences        values seen under this name
 * @param exchanges          exchanges that sent it
 * @param examples           up to {@value ParameterInventory#MAX_EXAMPLES} distinct values, the smallest
 *                           in string order (so the choice does not depend on capture order), each cut at
 *                           {@value ParameterInventory#MAX_EXAMPLE_CHARS} characters
 * @param standardProperties every standard property a value of it was mapped to, sorted
 * @param adapters           the adapters that matched its requests, sorted
 */
public record InventoryEntry(String host, Optional<String> tracker, String context, String name, long occurrences,
                             long exchanges, List<String> examples, List<String> standardProperties,
                             List<String> adapters) {
    public InventoryEntry {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(name, "name");
        examples = List.copyOf(examples);
        standardProperties = List.copyOf(standardProperties);
        adapters = List.copyOf(adapters);
    }
}
