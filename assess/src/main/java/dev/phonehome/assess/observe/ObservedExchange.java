package dev.phonehome.assess.observe;

import dev.phonehome.core.Problem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP exchange as the assessment needs it: who sent what where. Built from a traffic
 * exchange by {@link ExchangeObserver} from the traffic engine's SDK adapters, personal-data
 * matcher and destination resolver.
 *
 * @param id            the traffic exchange's stable id
 * @param capture       file name of the capture it came from
 * @param time          capture time of the request, ISO 8601 UTC
 * @param app           Android package owning the connection, when the capture records it
 * @param host          the URL's host, else the server name, else the server address
 * @param server        server {@code address:port} (the host for HAR without an address)
 * @param method        HTTP method
 * @param url           the request URL
 * @param status        response status, 0 when none was seen
 * @param sdks          SDKs the request was matched to, sorted
 * @param parameters    decoded request leaves (query, headers, body), in payload order, capped
 * @param personalData  personal data recognised in the request, sorted
 * @param destination   who runs the host, where, under which regime
 * @param problems      what went wrong decoding the request (a budget reached, a decoder failing)
 */
public record ObservedExchange(String id, String capture, String time, Optional<String> app, String host,
                               String server, String method, String url, int status, List<SdkMatch> sdks,
                               List<Parameter> parameters, List<PersonalData> personalData,
                               DestinationFacts destination, List<Problem> problems) {
    public ObservedExchange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(destination, "destination");
        sdks = sdks.stream().sorted().toList();
        parameters = List.copyOf(parameters);
        personalData = personalData.stream().sorted().toList();
        problems = List.copyOf(problems);
    }

    /** Whether some part of the request is app-layer encrypted (an SDK scheme or an opaque leaf). */
    public boolean encryptedPayload() {
        return sdks.stream().anyMatch(s -> s.encryptedScheme().isPresent())
                || parameters.stream().anyMatch(Parameter::opaque);
    }
}
