package dev.phonehome.core.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemberIndexTest {
    private record Api(String owner, String member, String id) {
    }

    private final MemberIndex<Api> index = MemberIndex.of(List.of(
            new Api("Landroid/telephony/SmsManager;", "sendTextMessage", "a"),
            new Api("Landroid/telephony/SmsManager;", "sendTextMessage", "b"),
            new Api("Landroid/telephony/SmsManager;", "sendDataMessage", "c"),
            new Api("Lcom/example/Other;", "sendTextMessage", "d")), Api::owner, Api::member);

    @Test
    void findsEveryValueOfTheMemberInOrder() {
        assertThat(index.get("Landroid/telephony/SmsManager;", "sendTextMessage")).extracting(Api::id)
                .containsExactly("a", "b");
        assertThat(index.get("Lcom/example/Other;", "sendTextMessage")).extracting(Api::id).containsExactly("d");
    }

    @Test
    void otherOwnersAndMembersFindNothing() {
        assertThat(index.get("Landroid/telephony/SmsManager;", "divideMessage")).isEmpty();
        assertThat(index.get("Lcom/example/Third;", "sendTextMessage")).isEmpty();
        assertThat(index.get("", "")).isEmpty();
    }

    @Test
    void theListsCannotBeChanged() {
        List<Api> found = index.get("Landroid/telephony/SmsManager;", "sendDataMessage");
        assertThatThrownBy(() -> found.add(new Api("x", "y", "z")))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
