package hermes.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to open a session.
 *
 * @param caller who the session serves
 * @param model {@code provider:model} or a bare model name; empty for the configured default
 * @param toolsets the toolsets to offer; empty for the caller's platform default ({@code hermes-cli} for the CLI)
 * @param resume a stored session to continue (id or title)
 * @param parentId the parent session of a subagent
 * @param depth how deep in delegation this session is (0 for top level)
 * @param settings configuration overrides for this session only, by dotted key ({@code agent.max_turns},
 *     {@code approvals.yolo}, …), as the command line gives them
 * @param systemPrompt replaces the built system prompt (a subagent's focused prompt); empty for the normal one
 */
public record SessionSpec(Caller caller, Optional<String> model, List<String> toolsets, Optional<String> resume,
                          Optional<String> parentId, int depth, Map<String, String> settings,
                          Optional<String> systemPrompt) {

    public SessionSpec {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(model, "model");
        toolsets = List.copyOf(toolsets);
        Objects.requireNonNull(resume, "resume");
        Objects.requireNonNull(parentId, "parentId");
        if (depth < 0) {
            throw new IllegalArgumentException("depth must be >= 0, was " + depth);
        }
        settings = Map.copyOf(settings);
        Objects.requireNonNull(systemPrompt, "systemPrompt");
    }

    /** A new top-level session for {@code caller} with the configured defaults. */
    public static SessionSpec of(Caller caller) {
        return new SessionSpec(caller, Optional.empty(), List.of(), Optional.empty(), Optional.empty(), 0, Map.of(),
                Optional.empty());
    }
}
