package dev.phonehome.traffic.decode;

import dev.phonehome.core.Problem;
import dev.phonehome.traffic.http.Header;
import dev.phonehome.traffic.http.HttpExchange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Decodes what a request carries (URL query, header values, body) into leaves with paths, applying
 * the registered {@link Decoder}s recursively under a {@link DecodeBudget}. Decoding never throws:
 * a decoder that fails is recorded as a {@link DecodeIssue} and its input is kept as a leaf.
 * Thread-safe; one instance serves any number of requests.
 */
public final class PayloadDecoder {
    private static final String FORM = "application/x-www-form-urlencoded";

    private final List<Decoder> decoders;
    private final DecodeBudget budget;

    public PayloadDecoder() {
        this(Decoders.standard(), DecodeBudget.DEFAULT);
    }

    public PayloadDecoder(List<Decoder> decoders, DecodeBudget budget) {
        this.decoders = List.copyOf(decoders);
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    /** Decodes the request side of {@code exchange}. */
    public DecodedPayload decode(HttpExchange exchange) {
        return decode(exchange.path(), exchange.requestHeaders(), exchange.requestBody().bytes());
    }

    /**
     * @param target  the request target as sent ({@code /a?x=1}); only its query is decoded
     * @param headers request headers in wire order
     * @param body    the content-decoded request body
     */
    public DecodedPayload decode(String target, List<Header> headers, byte[] body) {
        List<Frame> roots = new ArrayList<>();
        String query = query(target);
        if (!query.isEmpty()) {
            roots.add(new Frame("query", Chunk.text(query, Hints.contentType(FORM)), 0));
        }
        for (Header h : headers) {
            roots.add(new Frame("header:" + PathSyntax.name(h.name()), Chunk.text(h.value(), headerHints(h.name())), 0));
        }
        if (body.length > 0) {
            String contentType = Header.first(headers, "Content-Type").orElse("");
            roots.add(new Frame("body", new Chunk(body, ValueKind.BYTES, Hints.contentType(contentType)), 0));
        }
        return new Run().decode(roots);
    }

    /** Decodes one value found elsewhere (a response body, a stored parameter) under the root name {@code root}. */
    public DecodedPayload decode(String root, Chunk value) {
        return new Run().decode(List.of(new Frame(root, value, 0)));
    }

    private static String query(String target) {
        int q = target.indexOf('?');
        if (q < 0) {
            return "";
        }
        int hash = target.indexOf('#', q);
        return target.substring(q + 1, hash < 0 ? target.length() : hash);
    }

    private static Hints headerHints(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "cookie" -> Hints.origin(CookieDecoder.ORIGIN);
            case "authorization", "proxy-authorization" -> Hints.origin(CredentialsDecoder.ORIGIN);
            default -> Hints.NONE;
        };
    }

    private record Frame(String path, Chunk chunk, int depth) {
    }

    private record Bid(Decoder decoder, int priority) {
    }

    /** The mutable state of one decode call. */
    private final class Run {
        private final List<DecodedValue> values = new ArrayList<>();
        private final Set<String> layers = new LinkedHashSet<>();
        private final List<Problem> problems = new ArrayList<>();
        private long bytesLeft = budget.maxDecodedBytes();

        DecodedPayload decode(List<Frame> roots) {
            Deque<Frame> stack = new ArrayDeque<>();
            for (int i = roots.size() - 1; i >= 0; i--) {
                stack.push(roots.get(i));
            }
            while (!stack.isEmpty()) {
                Frame frame = stack.pop();
                List<Piece> pieces = frame.chunk.kind().decodable() ? expand(frame) : null;
                if (pieces == null) {
                    if (values.size() == budget.maxLeaves()) {
                        problems.add(DecodeIssue.LEAVES_BUDGET.problem(frame.path,
                                "stopped after " + budget.maxLeaves() + " values"));
                        break;
                    }
                    values.add(leaf(frame));
                } else {
                    for (int i = pieces.size() - 1; i >= 0; i--) {
                        Piece p = pieces.get(i);
                        stack.push(new Frame(PathSyntax.child(frame.path, p.segment()), p.chunk(), frame.depth + 1));
                    }
                }
            }
            return new DecodedPayload(values, List.copyOf(layers), problems);
        }

        /** The pieces of the first decoder that succeeds, or null to keep the value as it is. */
        private List<Piece> expand(Frame frame) {
            List<Bid> bids = bids(frame);
            if (bids.isEmpty()) {
                return null;
            }
            if (frame.depth >= budget.maxDepth()) {
                problems.add(DecodeIssue.DEPTH_BUDGET.problem(frame.path, "looks like " + bids.get(0).decoder.name()
                        + " but " + budget.maxDepth() + " layers are already decoded"));
                return null;
            }
            for (Bid bid : bids) {
                try {
                    List<Piece> pieces = bid.decoder.decode(frame.chunk, bytesLeft);
                    long cost = pieces.stream().mapToLong(p -> p.chunk().bytes().length).sum();
                    if (cost > bytesLeft) {
                        problems.add(DecodeIssue.BYTES_BUDGET.problem(frame.path, bid.decoder.name() + " produces "
                                + cost + " bytes, " + bytesLeft + " of " + budget.maxDecodedBytes() + " left"));
                        return null;
                    }
                    bytesLeft -= cost;
                    layers.add(bid.decoder.name());
                    return pieces;
                } catch (PayloadFormatException e) {
                    problems.add(DecodeIssue.FAILED.problem(frame.path, bid.decoder.name() + ": " + e.getMessage()));
                } catch (RuntimeException e) {
                    // A decoder bug on hostile input must cost one value, not the capture.
                    problems.add(DecodeIssue.FAILED.problem(frame.path,
                            bid.decoder.name() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage()));
                }
            }
            return null;
        }

        private List<Bid> bids(Frame frame) {
            List<Bid> bids = new ArrayList<>();
            for (Decoder d : decoders) {
                int priority;
                try {
                    priority = d.probe(frame.chunk);
                } catch (RuntimeException e) {
                    problems.add(DecodeIssue.FAILED.problem(frame.path,
                            d.name() + " probe: " + e.getClass().getSimpleName() + ": " + e.getMessage()));
                    continue;
                }
                if (priority >= 0) {
                    bids.add(new Bid(d, priority));
                }
            }
            bids.sort(Comparator.comparingInt(Bid::priority).reversed());
            return bids;
        }
    }

    private static DecodedValue leaf(Frame frame) {
        Chunk c = frame.chunk;
        return switch (c.kind()) {
            case BYTES -> c.printableText()
                    .map(t -> new DecodedValue(frame.path, t, ValueKind.STRING))
                    .orElseGet(() -> new DecodedValue(frame.path, HexFormat.of().formatHex(c.bytes()), ValueKind.BYTES));
            case OPAQUE -> new DecodedValue(frame.path, HexFormat.of().formatHex(c.bytes()), ValueKind.OPAQUE);
            default -> new DecodedValue(frame.path, c.text().orElseGet(() -> HexFormat.of().formatHex(c.bytes())), c.kind());
        };
    }
}
