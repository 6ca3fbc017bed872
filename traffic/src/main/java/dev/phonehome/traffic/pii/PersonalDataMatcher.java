package dev.phonehome.traffic.pii;

import dev.phonehome.core.Problem;
import dev.phonehome.core.device.DeviceProfile;
import dev.phonehome.core.device.PersonalDataType;
import dev.phonehome.core.device.Placeholders;
import dev.phonehome.core.device.ProfileValue;
import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.traffic.decode.DecodedPayload;
import dev.phonehome.traffic.decode.DecodedValue;
import dev.phonehome.traffic.flow.TrafficExchange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds personal data in requests. Built once from a {@link DeviceProfile}: every spelling, digest
 * and encoding of every profile value ({@link TextForms}, {@link DerivedForms}, {@link LocationForms})
 * goes into one automaton ({@link PatternIndex}) that reads each decoded leaf and the raw request
 * once, so the cost grows with the payload, not with payload × patterns. Typed detectors
 * ({@link TypedDetectors}) add what has the shape of personal data but is not in the profile, at low
 * confidence. Placeholders ({@link Placeholders}) are never reported.
 *
 * <p>Duplicates are folded: one hit per profile value and form in each leaf (at its first offset); a
 * match inside a longer match of the same value is dropped (the digits of {@code +37060012345}
 * are not also reported without the plus); a typed detection that overlaps a profile hit is
 * dropped; raw-byte hits are kept only for values that no leaf showed, since the leaf path says
 * more. Thread-safe.
 */
public final class PersonalDataMatcher {
    /** The path of hits in the raw request bytes. */
    public static final String RAW = "raw";
    /** Profile values shorter than this are not searched for: they match unrelated text. */
    public static final int MIN_VALUE_LENGTH = 6;
    /** Hits kept per exchange; a request with more is hostile or not worth listing. */
    public static final int MAX_HITS = 10_000;

    private final PatternIndex patterns;
    private final List<TypedDetector> detectors;
    private final List<Problem> problems;

    private PersonalDataMatcher(PatternIndex patterns, List<TypedDetector> detectors, List<Problem> problems) {
        this.patterns = patterns;
        this.detectors = detectors;
        this.problems = List.copyOf(problems);
    }

    /** A matcher for the values of {@code profile}, plus the typed detectors, with the shipped knowledge base. */
    public static PersonalDataMatcher of(DeviceProfile profile) {
        return of(profile, KnowledgeBase.load());
    }

    /** A matcher for the values of {@code profile}, plus the typed detectors. */
    public static PersonalDataMatcher of(DeviceProfile profile, KnowledgeBase kb) {
        List<Variant> variants = new ArrayList<>();
        List<Problem> skipped = new ArrayList<>();
        for (ProfileValue value : profile.identifiers().values()) {
            if (value.value().length() < MIN_VALUE_LENGTH) {
                skipped.add(new Problem("pii.value.too-short", value.key(), "\"" + value.value() + "\" has fewer than "
                        + MIN_VALUE_LENGTH + " characters and would match unrelated text; it is not searched for"));
                continue;
            }
            for (Variant spelling : TextForms.of(value)) {
                variants.add(spelling);
                variants.addAll(DerivedForms.of(spelling));
            }
        }
        profile.identifiers().location().ifPresent(p -> variants.addAll(LocationForms.of(p)));
        return new PersonalDataMatcher(PatternIndex.of(variants), TypedDetectors.all(kb.identifierFacts()), skipped);
    }

    /** Typed detectors only, for traffic of a phone without a profile. */
    public static PersonalDataMatcher withoutProfile() {
        return of(DeviceProfile.EMPTY);
    }

    /** Profile values that are not searched for, and why. */
    public List<Problem> problems() {
        return problems;
    }

    /** How many distinct texts the automaton searches for. */
    public int patternCount() {
        return patterns.size();
    }

    /** Searches the decoded request of {@code exchange} and the request written as HTTP/1.1 text. */
    public ExchangePersonalData find(TrafficExchange exchange, DecodedPayload payload) {
        return find(exchange.id(), payload, RawRequest.of(exchange));
    }

    /**
     * @param exchangeId names the exchange in each hit
     * @param payload    the request's decoded leaves
     * @param rawRequest the request's bytes as captured or written out (empty to search the leaves only)
     */
    public ExchangePersonalData find(String exchangeId, DecodedPayload payload, byte[] rawRequest) {
        Search search = new Search(exchangeId);
        for (DecodedValue leaf : payload.values()) {
            search.leaf(leaf);
        }
        search.coordinateKeys(payload.values());
        search.raw(new ByteText(rawRequest));
        return search.result();
    }

    /** The search of one exchange. */
    private final class Search {
        private final String exchangeId;
        private final List<PersonalDataHit> hits = new ArrayList<>();
        /** Profile values (by group, see {@link #group}) found in some leaf. */
        private final Set<String> foundInLeaves = new HashSet<>();
        /** Texts reported from leaves, so the raw bytes do not report them again. */
        private final Set<String> matchedInLeaves = new HashSet<>();
        private long dropped;

        Search(String exchangeId) {
            this.exchangeId = exchangeId;
        }

        void leaf(DecodedValue leaf) {
            ByteText text = bytes(leaf);
            Location location = scan(leaf.path(), LeafKeys.lastKey(leaf.path()), text);
            for (Candidate c : location.resolve(text)) {
                c.profileKey().ifPresent(k -> foundInLeaves.add(group(k)));
                matchedInLeaves.add(c.matched(text));
                add(c, leaf.path(), text);
            }
        }

        void coordinateKeys(List<DecodedValue> leaves) {
            for (DecodedValue leaf : CoordinateKeys.pairs(leaves)) {
                if (!matchedInLeaves.contains(leaf.value())) {
                    ByteText text = ByteText.utf8(leaf.value());
                    add(new Candidate(null, PersonalDataType.LOCATION, "coordinate-keys", 0, text.length()),
                            leaf.path(), text);
                    matchedInLeaves.add(leaf.value());
                }
            }
        }

        void raw(ByteText text) {
            for (Candidate c : scan(RAW, "", text).resolve(text)) {
                boolean shown = c.profileKey().map(k -> foundInLeaves.contains(group(k)))
                        .orElseGet(() -> matchedInLeaves.contains(c.matched(text)));
                if (!shown) {
                    add(c, RAW, text);
                }
            }
        }

        private Location scan(String path, String key, ByteText text) {
            Location location = new Location();
            patterns.scan(text, location::profile);
            for (TypedDetector d : detectors) {
                d.find(key, text, (type, form, start, end) -> {
                    if (!Placeholders.isPlaceholder(text.utf8(start, end))) {
                        location.typed(type, form, start, end);
                    }
                });
            }
            dropped += location.dropped;
            return location;
        }

        private void add(Candidate c, String path, ByteText text) {
            if (hits.size() == MAX_HITS) {
                dropped++;
                return;
            }
            hits.add(new PersonalDataHit(exchangeId, c.type(), c.form(), path, c.start(), c.profileKey(),
                    c.matched(text), c.variant() == null ? HitConfidence.LOW : c.variant().confidence()));
        }

        ExchangePersonalData result() {
            List<PersonalDataHit> kept = LocationPairs.keepPaired(hits);
            List<Problem> out = dropped == 0 ? List.of() : List.of(new Problem("pii.hits-truncated", exchangeId,
                    dropped + " more hits after the first " + MAX_HITS + " not reported"));
            return new ExchangePersonalData(exchangeId, kept, out);
        }
    }

    /** A location's profile value group: the two coordinates and the pair are one location. */
    private static String group(String profileKey) {
        return profileKey.startsWith(LocationForms.SOURCE) ? LocationForms.SOURCE : profileKey;
    }

    /** The bytes a leaf stands for: binary leaves are hex in the payload model. */
    private static ByteText bytes(DecodedValue leaf) {
        return switch (leaf.kind()) {
            case BYTES, OPAQUE -> {
                try {
                    yield new ByteText(HexFormat.of().parseHex(leaf.value()));
                } catch (IllegalArgumentException e) {
                    yield ByteText.utf8(leaf.value());
                }
            }
            default -> ByteText.utf8(leaf.value());
        };
    }

    /** One match before duplicates are folded; {@code variant} is null for typed detections. */
    private record Candidate(Variant variant, PersonalDataType type, String form, int start, int end) {
        Optional<String> profileKey() {
            return variant == null ? Optional.empty() : Optional.of(variant.source());
        }

        String matched(ByteText text) {
            return text.utf8(start, end);
        }

        boolean overlaps(Candidate o) {
            return start < o.end && o.start < end;
        }

        boolean inside(Candidate o) {
            return o.start <= start && end <= o.end && end - start < o.end - o.start;
        }
    }

    /**
     * The candidates of one leaf or of the raw bytes: the first match of each variant and up to
     * {@link #MAX_HITS} typed detections, so a request repeating one value a million times costs
     * time but no memory.
     */
    private static final class Location {
        private Set<Variant> variantsSeen;
        private final List<Candidate> profile = new ArrayList<>(0);
        private final List<Candidate> typed = new ArrayList<>(0);
        private long dropped;

        void profile(Variant v, int start, int end) {
            if (variantsSeen == null) {
                variantsSeen = Collections.newSetFromMap(new IdentityHashMap<>());
            }
            if (variantsSeen.add(v)) {
                profile.add(new Candidate(v, v.type(), v.form(), start, end));
            }
        }

        void typed(PersonalDataType type, String form, int start, int end) {
            if (typed.size() < MAX_HITS) {
                typed.add(new Candidate(null, type, form, start, end));
            } else {
                dropped++;
            }
        }

        /** Folds duplicates as the class comment says; the rest in order of offset. */
        List<Candidate> resolve(ByteText text) {
            if (profile.isEmpty() && typed.isEmpty()) {
                return List.of();
            }
            List<Candidate> out = new ArrayList<>();
            Map<String, List<Candidate>> bySource = new HashMap<>();
            profile.forEach(c -> bySource.computeIfAbsent(group(c.variant().source()), k -> new ArrayList<>()).add(c));
            for (Candidate c : profile) {
                if (bySource.get(group(c.variant().source())).stream().noneMatch(c::inside)) {
                    out.add(c);
                }
            }
            Set<String> seen = new HashSet<>();
            for (Candidate c : typed) {
                if (profile.stream().noneMatch(c::overlaps) && seen.add(c.type() + "\0" + c.matched(text))) {
                    out.add(c);
                }
            }
            out.sort(Comparator.comparingInt(Candidate::start).thenComparing(Comparator.comparingInt(Candidate::end).reversed())
                    .thenComparing(Candidate::form));
            return out;
        }
    }
}
