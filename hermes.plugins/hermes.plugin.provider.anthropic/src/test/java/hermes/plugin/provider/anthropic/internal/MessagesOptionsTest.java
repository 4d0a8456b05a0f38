package hermes.plugin.provider.anthropic.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import hermes.api.ModelRequest;

class MessagesOptionsTest {

    @ParameterizedTest
    @CsvSource({
            "https://api.anthropic.com, https://api.anthropic.com/v1/messages",
            "https://api.anthropic.com/, https://api.anthropic.com/v1/messages",
            "https://proxy.example/anthropic/v1, https://proxy.example/anthropic/v1/messages",
            "https://proxy.example/anthropic/v1/, https://proxy.example/anthropic/v1/messages",
            "http://localhost:4000/anthropic, http://localhost:4000/anthropic/v1/messages"})
    void theEndpointAddsV1OnlyWhenTheBaseUrlLacksIt(String baseUrl, String endpoint) {
        assertThat(MessagesOptions.endpoint(baseUrl)).hasToString(endpoint);
    }

    @Test
    void defaultsSuitTheAnthropicApi() {
        MessagesOptions options = MessagesOptions.from(Map.of());

        assertThat(options.endpoint()).hasToString("https://api.anthropic.com/v1/messages");
        assertThat(options.bearerAuth()).isFalse();
        assertThat(options.stream()).isTrue();
        assertThat(options.maxTokens()).isEqualTo(8192);
        assertThat(options.thinkingBudget()).isEmpty();
        assertThat(options.oneHourCache()).isFalse();
        assertThat(options.readTimeout()).hasSeconds(120);
        assertThat(options.provider()).isEqualTo("anthropic");
    }

    @Test
    void unknownValuesAreRefusedWithTheAcceptedOnes() {
        assertThatThrownBy(() -> MessagesOptions.from(Map.of(ModelRequest.REASONING_EFFORT, "max")))
                .hasMessageContaining("none, minimal, low, medium, high or xhigh");
        assertThatThrownBy(() -> MessagesOptions.from(Map.of(ModelRequest.MAX_TOKENS, "-5")))
                .hasMessageContaining("max_tokens '-5' must be a whole number above zero");
        assertThatThrownBy(() -> MessagesOptions.from(Map.of(ModelRequest.CACHE_TTL, "2h")))
                .hasMessageContaining("use 5m or 1h");
        assertThatThrownBy(() -> MessagesOptions.from(Map.of(ModelRequest.BASE_URL, "api.anthropic.com")))
                .hasMessageContaining("is not an http(s) URL");
    }
}
