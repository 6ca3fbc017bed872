package dev.phonehome.core.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.core.kb.Capability;
import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.core.kb.RiskyApis;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PersonalDataTypeTest {
    @Test
    void dataTypesAreTheOnesTheRiskyApisName() {
        RiskyApis apis = KnowledgeBase.load().riskyApis();
        Set<String> kbTypes = apis.all().stream().map(api -> apis.capability(api.capability()))
                .flatMap(c -> c.stream().map(Capability::dataType)).filter(Objects::nonNull).collect(Collectors.toSet());
        Set<String> ours = Stream.of(PersonalDataType.values()).map(PersonalDataType::dataType)
                .filter(t -> !t.equals("otherIdentifiers")).collect(Collectors.toSet());
        assertThat(kbTypes).containsAll(ours);
        assertThat(PersonalDataType.ANDROID_ID.code()).isEqualTo("android_id");
        assertThat(PersonalDataType.ANDROID_ID.dataType()).isEqualTo("developerScopedId");
    }
}
