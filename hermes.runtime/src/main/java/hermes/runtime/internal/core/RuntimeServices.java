package hermes.runtime.internal.core;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import hermes.api.ContextEngine;
import hermes.api.MemoryStore;
import hermes.api.SessionStore;
import hermes.api.SkillSource;
import hermes.runtime.internal.config.Settings;
import hermes.runtime.internal.models.ModelCaller;
import hermes.runtime.internal.models.ModelProviders;
import hermes.runtime.internal.tools.ToolRegistry;

/**
 * What every session of the runtime shares. Sessions hold this, not service objects of plugins: tools, providers and
 * backends are looked up through it around each use.
 *
 * @param memory the curated memory store, when one is installed (its snapshot goes into each new system prompt)
 * @param sessions open sessions by id, for a subagent to inherit its parent's model
 * @param skills the skill sources, best-ranked first (the first to name a skill wins)
 * @param contextEngines the context engines by {@code hermes.id}
 */
record RuntimeServices(ToolRegistry registry, ToolDispatcher dispatcher, ModelProviders providers, ModelCaller caller,
                       Settings settings, TerminalBackends backends, Supplier<Optional<SessionStore>> store,
                       Supplier<Optional<MemoryStore>> memory, Function<String, Optional<RuntimeSession>> sessions,
                       Supplier<List<SkillSource>> skills, Function<String, Optional<ContextEngine>> contextEngines) {
}
