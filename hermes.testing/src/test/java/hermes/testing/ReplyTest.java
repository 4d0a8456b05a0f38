package hermes.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplyTest {

    @Test
    void fragmentsFollowTheChunkSizeAndNeverSplitASurrogatePair() {
        Reply reply = Reply.text("").withChunkSize(2);

        assertThat(reply.fragments("a😀bcd")).containsExactly("a😀", "bc", "d");
        assertThat(reply.fragments("")).isEmpty();
        assertThat(Reply.text("").fragments("abcdefghij")).containsExactly("abcdefg", "hij");
    }

    @Test
    void withMethodsReturnNewRepliesAndLeaveTheOriginalUnchanged() {
        Reply plain = Reply.text("hi");

        Reply reasoned = plain.withReasoning("think").withDelay(Duration.ofSeconds(1));

        assertThat(plain.reasoning()).isEmpty();
        assertThat(plain.delay()).isZero();
        assertThat(reasoned.reasoning()).hasValue("think");
        assertThat(reasoned.delay()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void answerOnlySettingsOnAFailureNameTheMisuse() {
        assertThatThrownBy(() -> Reply.failure(500, "x").withUsage(1, 1, 0, 0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("withUsage applies to answers");
        assertThatThrownBy(() -> Reply.text("x").withRetryAfter(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("withRetryAfter applies to Reply.failure");
    }

    @Test
    void invalidArgumentsAreRefusedWithTheValueGiven() {
        assertThatThrownBy(() -> Reply.failure(200, "x")).hasMessageContaining("got 200");
        assertThatThrownBy(() -> Reply.text("x").withUsage(10, 1, 8, 5)).hasMessageContaining("cacheRead + cacheWrite <= input");
        assertThatThrownBy(() -> Reply.text("x").withChunkSize(0)).hasMessageContaining("at least 1");
        assertThatThrownBy(Reply::toolCalls).hasMessageContaining("at least one ToolCallReply");
        assertThatThrownBy(() -> ToolCallReply.of("", "todo", "{}")).hasMessageContaining("non-blank id");
    }
}
