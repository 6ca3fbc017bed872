package dev.phonehome.traffic.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.core.json.CanonicalJson;
import dev.phonehome.traffic.flow.TrafficExchange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ParameterInventoryTest {
    private static List<TrafficExchange> stream() {
        List<TrafficExchange> exchanges = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            exchanges.add(Requests.get("https://www.google-analytics.com/collect?v=1&tid=UA-1-1&cid=c" + i
                    + "&t=event&ea=tap&ea=open"));
        }
        for (int i = 0; i < 5; i++) {
            exchanges.add(Requests.post("https://api.example.org/log", "{\"user\":{\"id\":\"u" + i + "\"}}", "application/json"));
        }
        return exchanges;
    }

    private static InventoryReport inventory(List<TrafficExchange> exchanges) {
        ParameterInventory inventory = new ParameterInventory(Requests.SHIPPED);
        exchanges.forEach(e -> inventory.add(e, Requests.decode(e)));
        return inventory.report();
    }

    private static InventoryEntry entry(InventoryReport r, String host, String name) {
        return r.parameters().stream().filter(e -> e.host().equals(host) && e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + r.parameters()));
    }

    @Test
    void countsExamplesAndPropertiesPerHostAndSdk() {
        InventoryReport r = inventory(stream());
        assertThat(r.exchanges()).isEqualTo(25);
        InventoryEntry cid = entry(r, "www.google-analytics.com", "cid");
        assertThat(cid.tracker()).contains("google-analytics");
        assertThat(cid.context()).isEqualTo("query");
        assertThat(cid.occurrences()).isEqualTo(20);
        assertThat(cid.exchanges()).isEqualTo(20);
        assertThat(cid.examples()).as("the three smallest").containsExactly("c0", "c1", "c10");
        assertThat(cid.standardProperties()).containsExactly("browserId");
        assertThat(cid.adapters()).containsExactly("google/google-analytics");
        InventoryEntry ea = entry(r, "www.google-analytics.com", "ea");
        assertThat(ea.occurrences()).as("sent twice per request").isEqualTo(40);
        assertThat(ea.exchanges()).isEqualTo(20);
        assertThat(ea.examples()).containsExactly("open", "tap");
        assertThat(ea.standardProperties()).containsExactly("userAction");
        InventoryEntry unknown = entry(r, "api.example.org", "user.id");
        assertThat(unknown.tracker()).isEmpty();
        assertThat(unknown.standardProperties()).isEmpty();
        assertThat(unknown.occurrences()).isEqualTo(5);
        assertThat(r.parameters()).extracting(InventoryEntry::host).containsSubsequence("api.example.org", "www.google-analytics.com");
        assertThat(r.dropped()).isZero();
    }

    @Test
    void sameExchangesInAnyOrderGiveByteIdenticalJson() {
        List<TrafficExchange> exchanges = stream();
        String first = CanonicalJson.toString(inventory(exchanges));
        for (long seed = 0; seed < 5; seed++) {
            List<TrafficExchange> shuffled = new ArrayList<>(exchanges);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(CanonicalJson.toString(inventory(shuffled))).isEqualTo(first);
        }
        assertThat(first).contains("\"cid\"").contains("\"browserId\"");
    }

    @Test
    void memoryIsBoundedByDistinctNamesAndExampleLength() {
        ParameterInventory inventory = new ParameterInventory(Requests.SHIPPED, 10);
        StringBuilder query = new StringBuilder("https://api.example.org/x?");
        for (int i = 0; i < 50; i++) {
            query.append("p").append(i).append("=v&");
        }
        query.append("long=").append("y".repeat(10_000));
        TrafficExchange e = Requests.get(query.toString());
        Optional<AdapterMatch> match = inventory.add(e, Requests.decode(e));
        assertThat(match).isEmpty();
        InventoryReport r = inventory.report();
        assertThat(r.parameters()).hasSize(10);
        assertThat(r.dropped()).isEqualTo(41);

        ParameterInventory roomy = new ParameterInventory(Requests.SHIPPED);
        roomy.add(e, Requests.decode(e));
        String example = entry(roomy.report(), "api.example.org", "long").examples().get(0);
        assertThat(example).hasSizeLessThan(ParameterInventory.MAX_EXAMPLE_CHARS + 40).endsWith("(10000 characters)");
    }
}
