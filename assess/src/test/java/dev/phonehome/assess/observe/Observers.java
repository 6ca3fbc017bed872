package dev.phonehome.assess.observe;

import dev.phonehome.assess.Assessor;
import dev.phonehome.core.geo.Geodata;
import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.traffic.destination.DestinationResolver;
import dev.phonehome.traffic.pii.PersonalDataMatcher;
import dev.phonehome.traffic.privacy.PrivacyAnalyzer;

/** Observers as the CLI builds them for a phone without a device profile or installed geodata. */
public final class Observers {
    private Observers() {
    }

    public static ExchangeObserver withoutProfile(KnowledgeBase kb) {
        return new ExchangeObserver(kb, new PrivacyAnalyzer(kb, PersonalDataMatcher.withoutProfile(),
                new DestinationResolver(kb, Geodata.none()), Assessor.knowledgeDate(kb)));
    }
}
