package dev.phonehome.core.kb;

/**
 * The whole knowledge base, loaded once from the class path and validated on the way: a bad
 * file stops loading with a {@link KnowledgeBaseException} naming the file and entry.
 * Immutable and safe to share between threads.
 */
public final class KnowledgeBase {
    private final String version;
    private final Organisations organisations;
    private final Trackers trackers;
    private final CodeSignatureIndex codeSignatures;
    private final NetworkSignatureIndex networkSignatures;
    private final RiskyApis riskyApis;
    private final Permissions permissions;
    private final Lexicon lexicon;
    private final Jurisdictions jurisdictions;
    private final SdkAdapterCatalog sdkAdapters;
    private final IdentifierFacts identifierFacts;
    private final GeodataPins geodataPins;
    private final AnycastNetworks anycastNetworks;

    private KnowledgeBase() {
        Trackers.Document trackerFile = Trackers.read(Trackers.FILE, KbFiles.open(Trackers.FILE), null);
        version = trackerFile.kbVersion();
        organisations = Organisations.parse(Organisations.FILE, KbFiles.open(Organisations.FILE), version);
        trackers = Trackers.validate(Trackers.FILE, trackerFile, organisations);
        codeSignatures = CodeSignatureIndex.of(trackers.all());
        networkSignatures = NetworkSignatureIndex.of(trackers.all());
        riskyApis = RiskyApis.parse(RiskyApis.FILE, KbFiles.open(RiskyApis.FILE), version);
        permissions = Permissions.parse(Permissions.FILE, KbFiles.open(Permissions.FILE), version);
        lexicon = Lexicon.parse(Lexicon.FILE, KbFiles.open(Lexicon.FILE), version);
        jurisdictions = Jurisdictions.parse(Jurisdictions.FILE, KbFiles.open(Jurisdictions.FILE), version);
        sdkAdapters = SdkAdapterCatalog.parse(SdkAdapterCatalog.FILE, KbFiles.open(SdkAdapterCatalog.FILE), version,
                trackers);
        identifierFacts = IdentifierFacts.parse(IdentifierFacts.FILE, KbFiles.open(IdentifierFacts.FILE), version);
        geodataPins = GeodataPins.parse(GeodataPins.FILE, KbFiles.open(GeodataPins.FILE), version);
        anycastNetworks = AnycastNetworks.parse(AnycastNetworks.FILE, KbFiles.open(AnycastNetworks.FILE), version);
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
        return codeSignatures;
    }

    public NetworkSignatureIndex networkSignatures() {
        return networkSignatures;
    }

    public RiskyApis riskyApis() {
        return riskyApis;
    }

    public Permissions permissions() {
        return permissions;
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    public Jurisdictions jurisdictions() {
        return jurisdictions;
    }

    public SdkAdapterCatalog sdkAdapters() {
        return sdkAdapters;
    }

    public IdentifierFacts identifierFacts() {
        return identifierFacts;
    }

    /** The pinned geodata snapshot {@code phonehome data update} installs. */
    public GeodataPins geodataPins() {
        return geodataPins;
    }

    public AnycastNetworks anycastNetworks() {
        return anycastNetworks;
    }
}
