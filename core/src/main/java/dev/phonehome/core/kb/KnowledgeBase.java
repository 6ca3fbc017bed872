package dev.phonehome.core.kb;

/**
 * The whole knowledge base, loaded once from the class path and validated on the way: a bad
 * file stops loading with a {@link KnowledgeBaseException} naming the file and entry.
 * Trackers and organisations are read at once (every file's {@code kb_version} must equal
 * theirs); the other files on first use ({@link LazyPart}). Immutable and safe to share
 * between threads.
 */
public final class KnowledgeBase {
    private final String version;
    private final Organisations organisations;
    private final Trackers trackers;
    private final LazyPart<CodeSignatureIndex> codeSignatures;
    private final LazyPart<NetworkSignatureIndex> networkSignatures;
    private final LazyPart<RiskyApis> riskyApis;
    private final LazyPart<Permissions> permissions;
    private final LazyPart<Lexicon> lexicon;
    private final LazyPart<Jurisdictions> jurisdictions;
    private final LazyPart<SdkAdapterCatalog> sdkAdapters;
    private final LazyPart<IdentifierFacts> identifierFacts;
    private final LazyPart<GeodataPins> geodataPins;
    private final LazyPart<AnycastNetworks> anycastNetworks;

    private KnowledgeBase() {
        Trackers.Document trackerFile = Trackers.read(Trackers.FILE, KbFiles.open(Trackers.FILE), null);
        version = trackerFile.kbVersion();
        organisations = Organisations.parse(Organisations.FILE, KbFiles.open(Organisations.FILE), version);
        trackers = Trackers.validate(Trackers.FILE, trackerFile, organisations);
        codeSignatures = new LazyPart<>(() -> CodeSignatureIndex.of(trackers.all()));
        networkSignatures = new LazyPart<>(() -> NetworkSignatureIndex.of(trackers.all()));
        riskyApis = new LazyPart<>(() -> RiskyApis.parse(RiskyApis.FILE, KbFiles.open(RiskyApis.FILE), version));
        permissions = new LazyPart<>(() -> Permissions.parse(Permissions.FILE, KbFiles.open(Permissions.FILE),
                version));
        lexicon = new LazyPart<>(() -> Lexicon.parse(Lexicon.FILE, KbFiles.open(Lexicon.FILE), version));
        jurisdictions = new LazyPart<>(() -> Jurisdictions.parse(Jurisdictions.FILE,
                KbFiles.open(Jurisdictions.FILE), version));
        sdkAdapters = new LazyPart<>(() -> SdkAdapterCatalog.parse(SdkAdapterCatalog.FILE,
                KbFiles.open(SdkAdapterCatalog.FILE), version, trackers));
        identifierFacts = new LazyPart<>(() -> IdentifierFacts.parse(IdentifierFacts.FILE,
                KbFiles.open(IdentifierFacts.FILE), version));
        geodataPins = new LazyPart<>(() -> GeodataPins.parse(GeodataPins.FILE, KbFiles.open(GeodataPins.FILE),
                version));
        anycastNetworks = new LazyPart<>(() -> AnycastNetworks.parse(AnycastNetworks.FILE,
                KbFiles.open(AnycastNetworks.FILE), version));
    }

    private static volatile KnowledgeBase instance;

    /**
     * The knowledge base shipped with phonehome, loaded on first use. A bad file throws
     * {@link KnowledgeBaseException} to the caller (not an initialiser error), every time.
     */
    public static KnowledgeBase load() {
        KnowledgeBase kb = instance;
        if (kb == null) {
            synchronized (KnowledgeBase.class) {
                kb = instance;
                if (kb == null) {
                    kb = new KnowledgeBase();
                    instance = kb;
                }
            }
        }
        return kb;
    }

    /** The {@code kb_version} shared by all files. */
    public String version() {
        return version;
    }

    public Organisations organisations() {
        return organisations;
    }

    public Trackers trackers() {
        return trackers;
    }

    public CodeSignatureIndex codeSignatures() {
        return codeSignatures.get();
    }

    public NetworkSignatureIndex networkSignatures() {
        return networkSignatures.get();
    }

    public RiskyApis riskyApis() {
        return riskyApis.get();
    }

    public Permissions permissions() {
        return permissions.get();
    }

    public Lexicon lexicon() {
        return lexicon.get();
    }

    public Jurisdictions jurisdictions() {
        return jurisdictions.get();
    }

    public SdkAdapterCatalog sdkAdapters() {
        return sdkAdapters.get();
    }

    public IdentifierFacts identifierFacts() {
        return identifierFacts.get();
    }

    /** The pinned geodata snapshot {@code phonehome data update} installs. */
    public GeodataPins geodataPins() {
        return geodataPins.get();
    }

    public AnycastNetworks anycastNetworks() {
        return anycastNetworks.get();
    }
}
