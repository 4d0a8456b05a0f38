package hermes.runtime.internal.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ModelRouterTest {

    private static ModelRouter router(Map<String, Object> config, Map<String, String> secrets) {
        return new ModelRouter(key -> lookup(config, key), name -> Optional.ofNullable(secrets.get(name)),
                id -> id.equals("myplugin"));
    }

    @SuppressWarnings("unchecked")
    private static Optional<Object> lookup(Map<String, Object> config, String key) {
        Object node = config;
        for (String part : key.split("\\.")) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(part)) {
                return Optional.empty();
            }
            node = ((Map<String, Object>) map).get(part);
        }
        return Optional.ofNullable(node);
    }

    @Test
    void providerPrefixSelectsTheProviderItsEndpointAndKey() {
        ModelRoute route = router(Map.of(), Map.of("OPENROUTER_API_KEY", "sk-or"))
                .resolve(Optional.of("openrouter:anthropic/claude-sonnet-4"));
        assertThat(route).isEqualTo(new ModelRoute("openrouter", "chat_completions", "anthropic/claude-sonnet-4",
                "https://openrouter.ai/api/v1", Optional.of("sk-or"), Optional.empty(), 120));
    }

    @Test
    void aliasesResolveToTheirProvider() {
        ModelRoute route = router(Map.of(), Map.of("GLM_API_KEY", "k")).resolve(Optional.of("glm:glm-5"));
        assertThat(route.provider()).isEqualTo("zai");
        assertThat(route.model()).isEqualTo("glm-5");
        assertThat(router(Map.of(), Map.of("ANTHROPIC_API_KEY", "k")).resolve(Optional.of("claude:opus")).wire())
                .isEqualTo("anthropic_messages");
    }

    @Test
    void customProviderUsesModelBaseUrlAndKeepsColonsInTheModelName() {
        Map<String, Object> config = Map.of("model", Map.of("provider", "custom",
                "base_url", "http://127.0.0.1:11434/v1", "default", "llama3:8b"));
        ModelRoute route = router(config, Map.of()).resolve(Optional.empty());
        assertThat(route.provider()).isEqualTo("custom");
        assertThat(route.model()).isEqualTo("llama3:8b");
        assertThat(route.baseUrl()).isEqualTo("http://127.0.0.1:11434/v1");
        assertThat(route.apiKey()).isEmpty();
        assertThat(route.readTimeoutSeconds()).isEqualTo(1800);
    }

    @Test
    void namedCustomProviderIsReachedThroughCustomPrefix() {
        Map<String, Object> config = Map.of("custom_providers", List.of(Map.of("name", "local",
                "base_url", "http://127.0.0.1:8080/v1", "api_key", "none")));
        ModelRoute route = router(config, Map.of()).resolve(Optional.of("custom:local:qwen-2.5"));
        assertThat(route.provider()).isEqualTo("local");
        assertThat(route.model()).isEqualTo("qwen-2.5");
        assertThat(route.baseUrl()).isEqualTo("http://127.0.0.1:8080/v1");
        assertThat(route.apiKey()).contains("none");
    }

    @Test
    void autoDetectionPrefersOpenRouterThenTheFirstDirectKey() {
        assertThat(router(Map.of(), Map.of("DEEPSEEK_API_KEY", "d", "OPENROUTER_API_KEY", "o"))
                .resolve(Optional.of("some-model")).provider()).isEqualTo("openrouter");
        assertThat(router(Map.of(), Map.of("DEEPSEEK_API_KEY", "d", "XAI_API_KEY", "x"))
                .resolve(Optional.empty()).provider()).isEqualTo("deepseek");
    }

    @Test
    void nothingConfiguredSaysWhatToSet() {
        assertThatThrownBy(() -> router(Map.of(), Map.of()).resolve(Optional.empty()))
                .isInstanceOf(ModelRouter.RoutingException.class)
                .hasMessageContaining("No inference provider configured")
                .hasMessageContaining("OPENROUTER_API_KEY");
    }

    @Test
    void missingKeyNamesTheVariable() {
        assertThatThrownBy(() -> router(Map.of(), Map.of()).resolve(Optional.of("anthropic:claude-x")))
                .hasMessageContaining("set ANTHROPIC_API_KEY");
    }

    @Test
    void customWithoutBaseUrlSaysWhereToPutIt() {
        assertThatThrownBy(() -> router(Map.of(), Map.of()).resolve(Optional.of("custom:m")))
                .hasMessageContaining("model.base_url");
    }

    @Test
    void unknownPrefixIsPartOfTheModelNameButUnknownProviderFails() {
        ModelRoute route = router(Map.of("model", Map.of("provider", "openrouter")),
                Map.of("OPENROUTER_API_KEY", "k")).resolve(Optional.of("qwen2.5:7b"));
        assertThat(route.model()).isEqualTo("qwen2.5:7b");
        assertThatThrownBy(() -> router(Map.of("model", Map.of("provider", "nope")), Map.of())
                .resolve(Optional.of("m"))).hasMessageContaining("unknown provider 'nope'");
    }

    @Test
    void pluginProvidersAreAddressedByTheirId() {
        ModelRoute route = router(Map.of(), Map.of()).resolve(Optional.of("myplugin:m"));
        assertThat(route.wire()).isEqualTo("myplugin");
    }

    @Test
    void fallbacksResolveInOrderAndReportTheOnesThatCannot() {
        Map<String, Object> config = Map.of("fallback_providers", List.of(
                Map.of("provider", "anthropic", "model", "claude-a"), Map.of("provider", "deepseek")));
        List<String> problems = new ArrayList<>();
        List<ModelRoute> routes = router(config, Map.of("ANTHROPIC_API_KEY", "k")).fallbacks(problems);
        assertThat(routes).extracting(ModelRoute::label).containsExactly("anthropic:claude-a");
        assertThat(problems).singleElement().asString().contains("DEEPSEEK_API_KEY");
    }
}
