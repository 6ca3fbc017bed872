package dev.phonehome.traffic.pii;

import static dev.phonehome.traffic.pii.Requests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.phonehome.core.device.PersonalDataType;
import dev.phonehome.traffic.decode.DecodedPayload;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Without a profile: personal data recognised by its shape, always at low confidence. */
class TypedDetectorsTest {
    private static final PersonalDataMatcher TYPED = PersonalDataMatcher.withoutProfile();

    private static List<PersonalDataHit> hits(DecodedPayload payload) {
        return TYPED.find("t", payload, new byte[0]).hits();
    }

    @Test
    void eachShapeIsFoundAtItsLeaf() {
        List<PersonalDataHit> hits = hits(json("{\"a\":\"352099001761481\",\"b\":\"wlan 3C:5A:B4:01:02:03 up\","
                + "\"c\":\"from alice.smith+tag@mail.example.co.uk now\",\"d\":\"call +44 20 7946 0958 today\","
                + "\"e\":\"at 48.8584, 2.2945\",\"gaid\":\"38400000-8cf0-11bd-b23e-10b96e40000d\"}"));
        assertThat(hits).extracting(PersonalDataHit::path, PersonalDataHit::type, PersonalDataHit::form,
                PersonalDataHit::offset, PersonalDataHit::matched).containsExactly(
                tuple("body > json.a", PersonalDataType.IMEI, "imei-luhn", 0L, "352099001761481"),
                tuple("body > json.b", PersonalDataType.MAC_ADDRESS, "mac-address", 5L, "3C:5A:B4:01:02:03"),
                tuple("body > json.c", PersonalDataType.EMAIL, "email-address", 5L, "alice.smith+tag@mail.example.co.uk"),
                tuple("body > json.d", PersonalDataType.PHONE, "e164", 5L, "+44 20 7946 0958"),
                tuple("body > json.e", PersonalDataType.LOCATION, "coordinate-pair", 3L, "48.8584, 2.2945"),
                tuple("body > json.gaid", PersonalDataType.ADVERTISING_ID, "uuid-under-ad-id-key", 0L,
                        "38400000-8cf0-11bd-b23e-10b96e40000d"));
        assertThat(hits).extracting(PersonalDataHit::confidence).containsOnly(HitConfidence.LOW);
        assertThat(hits).extracting(PersonalDataHit::profileKey).containsOnly(Optional.empty());
    }

    @Test
    void coordinatesUnderSiblingKeys() {
        List<PersonalDataHit> hits = hits(json("{\"geo\":{\"lat\":48.8584,\"lng\":2.2945},\"price\":{\"lat\":1}}"));
        assertThat(hits).extracting(PersonalDataHit::path, PersonalDataHit::form).containsExactly(
                tuple("body > json.geo.lat", "coordinate-keys"),
                tuple("body > json.geo.lng", "coordinate-keys"));
    }

    @Test
    void aUuidUnderAnotherKeyIsNotAnAdvertisingId() {
        assertThat(hits(json("{\"session\":\"38400000-8cf0-11bd-b23e-10b96e40000d\"}"))).isEmpty();
        assertThat(hits(json("{\"oaid\":\"38400000-8cf0-11bd-b23e-10b96e40000d\"}")))
                .extracting(PersonalDataHit::type).containsExactly(PersonalDataType.OAID);
    }

    @Test
    void typedHitsInTheRawRequestOnlyWhenNoLeafShowedThem() {
        byte[] raw = Requests.utf8("POST /x HTTP/1.1\r\nX-Mail: bob@example.net\r\n\r\n{\"m\":\"bob@example.net\"}");
        List<PersonalDataHit> hits = TYPED.find("t", json("{\"m\":\"bob@example.net\"}"), raw).hits();
        assertThat(hits).extracting(PersonalDataHit::path).containsExactly("body > json.m");
        assertThat(TYPED.find("t", new DecodedPayload(List.of(), List.of(), List.of()), raw).hits())
                .extracting(PersonalDataHit::path, PersonalDataHit::offset).containsExactly(tuple("raw", 26L));
    }

    @Test
    void aProfileValueIsNotReportedTwiceByTheTypedDetectors() {
        List<PersonalDataHit> hits = Requests.hits(json("{\"m\":\"tester@example.org\",\"i\":\"358240051111110\"}"));
        assertThat(hits).extracting(PersonalDataHit::confidence).containsOnly(HitConfidence.HIGH).hasSize(2);
    }

    @Test
    void otherIdentifiersAreStillFoundWithAProfile() {
        List<PersonalDataHit> hits = Requests.hits(json("{\"other\":\"352099001761481\"}"));
        assertThat(hits).extracting(PersonalDataHit::type, PersonalDataHit::confidence)
                .containsExactly(tuple(PersonalDataType.IMEI, HitConfidence.LOW));
    }
}
