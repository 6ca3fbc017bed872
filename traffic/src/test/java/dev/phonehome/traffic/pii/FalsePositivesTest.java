package dev.phonehome.traffic.pii;

import static dev.phonehome.traffic.pii.Requests.hits;
import static dev.phonehome.traffic.pii.Requests.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What looks like personal data but is not: placeholders, invalid numbers, partial matches. */
class FalsePositivesTest {
    private static List<PersonalDataHit> typed(String json) {
        return PersonalDataMatcher.withoutProfile().find("f", json(json), new byte[0]).hits();
    }

    @ParameterizedTest
    @ValueSource(strings = {"00000000-0000-0000-0000-000000000000", "02:00:00:00:00:00", "00:00:00:00:00:00",
            "FF:FF:FF:FF:FF:FF", "unknown", ""})
    void placeholdersAreNeverPersonalData(String placeholder) {
        String body = "{\"adid\":\"" + placeholder + "\",\"mac\":\"" + placeholder + "\",\"m\":\"x " + placeholder + " y\"}";
        assertThat(typed(body)).isEmpty();
        assertThat(hits(json(body))).isEmpty();
    }

    @Test
    void fifteenDigitsFailingLuhnAreNoImei() {
        assertThat(typed("{\"n\":\"352099001761482\"}")).isEmpty();
        assertThat(typed("{\"n\":\"352099001761481\"}")).hasSize(1);
    }

    @Test
    void luhnValidNumbersOutsideThePhoneReportingBodiesAreNoImei() {
        // 17... is a microsecond timestamp's prefix; the number passes Luhn.
        assertThat(typed("{\"ts\":\"170000000000009\"}")).isEmpty();
    }

    @Test
    void digitsInsideLongerNumbersDoNotCount() {
        assertThat(hits(json("{\"n\":\"13582400511111100\"}"))).isEmpty();
        assertThat(hits(json("{\"n\":\"2460112345678901\"}"))).isEmpty();
        assertThat(typed("{\"n\":\"13520990017614811\"}")).isEmpty();
    }

    private static List<PersonalDataHit> profileHits(String json) {
        return hits(json(json)).stream().filter(h -> h.profileKey().isPresent()).toList();
    }

    @Test
    void partialValuesAreNotHits() {
        assertThat(profileHits("{\"h\":\"my-canary-strin\",\"e\":\"tester@example.or\",\"a\":\"9774d56d682e549\"}"))
                .isEmpty();
    }

    @Test
    void coordinatesInsideOtherNumbersAreNotTheLocation() {
        assertThat(profileHits("{\"a\":\"154.6872\",\"b\":\"25.27971299\",\"c\":\"-54.6872,-25.2797\"}")).isEmpty();
    }

    @Test
    void shapesThatAreNotPersonalData() {
        assertThat(typed("{\"icon\":\"logo@2x.png\",\"ipv6\":\"fe80::1:2:3:4:5\",\"seven\":\"aa:bb:cc:dd:ee:ff:00\","
                + "\"version\":\"1.2.3\",\"local\":\"0601234567\",\"origin\":\"0.000,0.000\"}")).isEmpty();
    }
}
