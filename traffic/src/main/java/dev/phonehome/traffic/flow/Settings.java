package dev.phonehome.traffic.flow;

import dev.phonehome.traffic.tls.TlsSecrets;
import java.util.function.Consumer;

/** What every layer of every connection shares during one analysis. */
record Settings(TlsSecrets secrets, int maxBodyBytes, Consumer<TrafficExchange> exchanges) {
}
