package hermes.runtime.internal.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import hermes.api.ToolSpec;

class ToolSelectionTest {

    private static final List<ToolSpec> AVAILABLE = List.of(spec("terminal", "terminal"), spec("read_file", "file"),
            spec("todo", "todo"), spec("clarify", "clarify"), spec("memory", "memory"),
            spec("delegate_task", "delegation"), spec("hello", "hello-plugin"));

    private static ToolSpec spec(String name, String toolset) {
        return ToolSpec.of(name, toolset, "d", ToolSpec.NO_PARAMETERS);
    }

    private static List<String> names(List<ToolSpec> specs) {
        return specs.stream().map(ToolSpec::name).toList();
    }

    @Test
    void platformDefaultOffersEverythingAvailable() {
        assertThat(names(ToolSelection.select(AVAILABLE, List.of("hermes-cli"), List.of(), 0, true)))
                .containsExactlyElementsOf(names(AVAILABLE));
        assertThat(ToolSelection.select(AVAILABLE, List.of(), List.of(), 0, true)).hasSize(AVAILABLE.size());
    }

    @Test
    void namedToolsetsAndToolNamesSelectOnlyThose() {
        assertThat(names(ToolSelection.select(AVAILABLE, List.of("todo", "read_file"), List.of(), 0, true)))
                .containsExactly("read_file", "todo");
    }

    @Test
    void disabledToolsetsAlwaysWin() {
        assertThat(names(ToolSelection.select(AVAILABLE, List.of("all"), List.of("terminal", "hello-plugin"), 0,
                true))).doesNotContain("terminal", "hello");
    }

    @Test
    void subagentsLoseTheBlockedToolsAndDelegationWhenTheyMayNotSpawn() {
        assertThat(names(ToolSelection.select(AVAILABLE, List.of(), List.of(), 1, false)))
                .containsExactly("terminal", "read_file", "todo", "hello");
        assertThat(names(ToolSelection.select(AVAILABLE, List.of(), List.of(), 1, true))).contains("delegate_task")
                .doesNotContain("clarify", "memory");
    }

    @Test
    void memorySnapshotHasARuledBlockPerNonEmptyStoreWithUsage() {
        String rule = "═".repeat(46);
        assertThat(PromptBuilder.memorySnapshot(List.of("uses Temurin 25", "prefers tabs"), 2200, List.of(), 1375))
                .isEqualTo("\n" + rule + "\nMEMORY (your personal notes) [1% — 30/2,200 chars]\n" + rule
                        + "\nuses Temurin 25\n§\nprefers tabs");
        assertThat(PromptBuilder.memorySnapshot(List.of(), 2200, List.of(), 1375)).isEmpty();
    }

    @Test
    void systemPromptNamesTheEnvironmentAndTheGuidanceForTheOfferedTools() {
        String prompt = PromptBuilder.systemPrompt(Path.of("/nonexistent/SOUL.md"), AVAILABLE, "gpt-5",
                Path.of("/work"), "cli", LocalDate.of(2026, 11, 25));
        assertThat(prompt).startsWith("You are Hermes").contains("- Working directory: /work")
                .contains("- Session started: 2026-11-25").contains("todo tool").contains("call it in this reply");
        String claude = PromptBuilder.systemPrompt(Path.of("/nonexistent/SOUL.md"), List.of(), "claude-sonnet",
                Path.of("/work"), "cli", LocalDate.of(2026, 11, 25));
        assertThat(claude).doesNotContain("Working with tools");
    }
}
