package hermes.runtime.internal.models;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Turns {@code provider:model}, a bare model name, or nothing (the configured default) into a {@link ModelRoute}, the
 * way the original does (reference §3 "Provider:model syntax", §9): aliases, {@code providers:} and
 * {@code custom_providers:} from {@code config.yaml}, {@code custom:<name>:<model>} for a named custom endpoint, and
 * auto-detection from API-key variables. Pure: configuration and secrets come in as functions, so it is tested without
 * files.
 */
public final class ModelRouter {

    private final Function<String, Optional<Object>> config;
    private final Function<String, Optional<String>> secrets;
    private final Predicate<String> pluginProvider;

    /**
     * @param config a dotted-key view of the session's configuration
     * @param secrets API keys by variable name ({@code .env}, then the environment)
     * @param pluginProvider whether a {@code ModelProvider} service with that {@code hermes.id} is installed, so a
     *     plugin's own provider can be named directly
     */
    public ModelRouter(Function<String, Optional<Object>> config, Function<String, Optional<String>> secrets,
                       Predicate<String> pluginProvider) {
        this.config = config;
        this.secrets = secrets;
        this.pluginProvider = pluginProvider;
    }

    /**
     * Resolves a model selection.
     *
     * @param selection {@code provider:model}, a bare model, or empty for {@code model.default}/{@code model.provider}
     * @throws RoutingException when nothing usable is configured; the message says what to set
     */
    public ModelRoute resolve(Optional<String> selection) {
        String wanted = selection.map(String::strip).filter(s -> !s.isEmpty()).orElseGet(this::configuredModel);
        int colon = wanted.indexOf(':');
        if (colon > 0 && isProviderName(wanted.substring(0, colon))) {
            String provider = wanted.substring(0, colon);
            String rest = wanted.substring(colon + 1);
            int second = rest.indexOf(':');
            if (ProviderCatalog.canonical(provider).equals("custom") && second > 0
                    && customProvider(rest.substring(0, second)).isPresent()) {
                return route(rest.substring(0, second), rest.substring(second + 1));
            }
            return route(provider, rest);
        }
        String provider = text("model.provider").filter(p -> !p.equalsIgnoreCase("auto")).orElse("");
        if (!provider.isEmpty()) {
            return route(provider, wanted);
        }
        ProviderProfile detected = ProviderCatalog.detect(v -> secrets.apply(v).isPresent()).orElseThrow(() ->
                new RoutingException("No inference provider configured: set an API key (for example `hermes config set"
                        + " OPENROUTER_API_KEY sk-or-…`), or use a local server with `hermes config set model.provider"
                        + " custom` and `hermes config set model.base_url http://127.0.0.1:11434/v1`"));
        return route(detected.name(), wanted);
    }

    /** The {@code fallback_providers} chain, in order; entries that cannot be resolved are reported, not fatal. */
    public List<ModelRoute> fallbacks(List<String> problems) {
        List<ModelRoute> routes = new ArrayList<>();
        Object list = config.apply("fallback_providers").orElse(List.of());
        if (!(list instanceof List<?> entries)) {
            problems.add("fallback_providers must be a list of {provider, model}");
            return routes;
        }
        for (Object entry : entries) {
            try {
                if (entry instanceof Map<?, ?> map && map.get("provider") != null) {
                    routes.add(route(String.valueOf(map.get("provider")),
                            map.get("model") == null ? "" : String.valueOf(map.get("model"))));
                } else if (entry instanceof String s) {
                    routes.add(resolve(Optional.of(s)));
                } else {
                    problems.add("fallback_providers entry " + entry + " needs a provider");
                }
            } catch (RoutingException e) {
                problems.add("fallback " + entry + " skipped: " + e.getMessage());
            }
        }
        return routes;
    }

    private String configuredModel() {
        Optional<Object> model = config.apply("model");
        if (model.isPresent() && model.get() instanceof String s) {
            return s;
        }
        return text("model.default").orElse("");
    }

    private boolean isProviderName(String name) {
        return ProviderCatalog.find(name).isPresent() || customProvider(name).isPresent()
                || config.apply("providers." + name).isPresent() || pluginProvider.test(name);
    }

    private ModelRoute route(String name, String model) {
        String provider = ProviderCatalog.canonical(name);
        Optional<Map<?, ?>> custom = customProvider(name);
        Optional<ProviderProfile> profile = ProviderCatalog.find(name);
        String overrides = "providers." + name;
        if (custom.isEmpty() && profile.isEmpty() && config.apply(overrides).isEmpty()) {
            if (pluginProvider.test(name)) {
                return new ModelRoute(name, name, model, "", Optional.empty(), Optional.empty(), 120);
            }
            throw new RoutingException("unknown provider '" + name + "': use one of " + ProviderCatalog.names()
                    + ", a name from custom_providers in config.yaml, or an installed provider plugin");
        }
        String wire = firstText(custom.map(m -> m.get("api_mode")), text(overrides + ".api_mode"))
                .or(() -> profile.map(ProviderProfile::wire)).orElse(ProviderProfile.CHAT_COMPLETIONS);
        boolean configuredProvider = text("model.provider").map(ProviderCatalog::canonical).orElse("").equals(provider);
        String baseUrl = firstText(custom.map(m -> m.get("base_url")), text(overrides + ".base_url"),
                configuredProvider ? text("model.base_url") : Optional.empty())
                .or(() -> profile.map(ProviderProfile::baseUrl)).orElse("");
        if (baseUrl.isBlank() && (provider.equals("custom") || custom.isPresent())) {
            throw new RoutingException("provider '" + name + "' needs an endpoint: set model.base_url in config.yaml"
                    + " (for example http://127.0.0.1:11434/v1 for Ollama, http://127.0.0.1:8080/v1 for llama.cpp)");
        }
        Optional<String> key = firstText(custom.map(m -> m.get("api_key")), text(overrides + ".api_key"));
        List<String> variables = profile.map(ProviderProfile::keyVariables).orElse(List.of());
        for (int i = 0; key.isEmpty() && i < variables.size(); i++) {
            key = secrets.apply(variables.get(i));
        }
        boolean local = isLocal(baseUrl);
        if (key.isEmpty() && !local && !provider.equals("custom") && custom.isEmpty() && !variables.isEmpty()) {
            throw new RoutingException("no API key for " + provider + ": set " + variables.get(0) + " (for example"
                    + " `hermes config set " + variables.get(0) + " <key>`)");
        }
        String modelName = model.isBlank() ? firstText(custom.map(m -> m.get("model")), text(overrides
                + ".default_model")).or(() -> profile.map(ProviderProfile::defaultModel)).orElse("") : model;
        if (modelName.isBlank()) {
            throw new RoutingException("no model chosen for " + provider + ": set model.default in config.yaml or"
                    + " use /model " + provider + ":<model>");
        }
        Optional<String> authStyle = text(overrides + ".auth_style");
        if (authStyle.isEmpty() && wire.equals(ProviderProfile.ANTHROPIC_MESSAGES) && key.isPresent()
                && secrets.apply("ANTHROPIC_API_KEY").isEmpty() && secrets.apply("ANTHROPIC_TOKEN").isPresent()) {
            authStyle = Optional.of("bearer");
        }
        int timeout = text(overrides + ".request_timeout_seconds").map(Integer::parseInt).orElse(local ? 1800 : 120);
        String routeName = custom.isPresent() ? name : provider;
        return new ModelRoute(routeName, wire, modelName, baseUrl, key, authStyle, timeout);
    }

    private Optional<Map<?, ?>> customProvider(String name) {
        Object list = config.apply("custom_providers").orElse(List.of());
        if (list instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> map && name.equals(String.valueOf(map.get("name")))) {
                    return Optional.of(map);
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> text(String key) {
        return config.apply(key).map(String::valueOf).map(String::strip).filter(s -> !s.isEmpty());
    }

    @SafeVarargs
    private static Optional<String> firstText(Optional<?>... candidates) {
        for (Optional<?> candidate : candidates) {
            Optional<String> value = candidate.map(String::valueOf).map(String::strip).filter(s -> !s.isEmpty());
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    private static boolean isLocal(String baseUrl) {
        try {
            String host = URI.create(baseUrl).getHost();
            return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                    || host.equals("::1") || host.toLowerCase(Locale.ROOT).endsWith(".local"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Nothing usable is configured; the message says what to set. */
    public static final class RoutingException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public RoutingException(String message) {
            super(message);
        }
    }
}
