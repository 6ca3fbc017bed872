package dev.phonehome.cli;

import dev.phonehome.traffic.flow.TrafficConnection;
import dev.phonehome.traffic.flow.TrafficExchange;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code --app} and {@code --host}: keeps the exchanges and connections of one app and/or matching hosts. */
record TrafficFilter(Optional<String> app, Optional<Pattern> host) {
    static TrafficFilter of(String app, String hostGlob) {
        return new TrafficFilter(Optional.ofNullable(app), Optional.ofNullable(hostGlob).map(TrafficFilter::glob));
    }

    /** {@code *} matches any run of characters, {@code ?} one; case-insensitive like DNS. */
    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toLowerCase(Locale.ROOT).toCharArray()) {
            re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString());
    }

    boolean keeps(TrafficExchange x) {
        return appMatches(x.app()) && (hostMatches(Optional.of(x.host())) || hostMatches(x.serverName()));
    }

    boolean keeps(TrafficConnection c) {
        return appMatches(c.app()) && hostMatches(c.serverName());
    }

    private boolean appMatches(Optional<String> actual) {
        return app.isEmpty() || actual.equals(app);
    }

    private boolean hostMatches(Optional<String> name) {
        return host.isEmpty() || name.filter(n -> host.get().matcher(n.toLowerCase(Locale.ROOT)).matches()).isPresent();
    }
}
