package hermes.runtime.internal.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import hermes.api.Tool;
import hermes.api.ToolCall;
import hermes.api.ToolContext;
import hermes.api.ToolResult;
import hermes.api.ToolSpec;

class ShadowingRuleTest {

    @Test
    void firstOwnerWinsAcrossToolsetsAndTheLaterOneIsShadowed() {
        RegisteredTool builtIn = registered(1, "read_file", "file", false);
        RegisteredTool plugin = registered(2, "read_file", "my-plugin", false);

        ShadowingRule.Outcome outcome = ShadowingRule.apply(List.of(builtIn, plugin));

        assertThat(outcome.owners()).isEqualTo(Map.of("read_file", builtIn));
        assertThat(outcome.shadowed()).isEqualTo(List.of(plugin));
    }

    @Test
    void laterRegistrationInTheSameToolsetReplacesTheEarlierWithoutShadowingIt() {
        RegisteredTool first = registered(1, "hello", "hello-tool", false);
        RegisteredTool second = registered(2, "hello", "hello-tool", false);

        ShadowingRule.Outcome outcome = ShadowingRule.apply(List.of(first, second));

        assertThat(outcome.owners()).isEqualTo(Map.of("hello", second));
        assertThat(outcome.shadowed()).isEmpty();
    }

    @Test
    void overridesFromAnotherToolsetTakesTheNameAndShadowsTheFormerOwner() {
        RegisteredTool builtIn = registered(1, "terminal", "terminal", false);
        RegisteredTool override = registered(2, "terminal", "sandbox", true);

        ShadowingRule.Outcome outcome = ShadowingRule.apply(List.of(builtIn, override));

        assertThat(outcome.owners()).isEqualTo(Map.of("terminal", override));
        assertThat(outcome.shadowed()).isEqualTo(List.of(builtIn));
    }

    @Test
    void twoMcpToolsetsReplaceEachOther() {
        RegisteredTool github = registered(1, "search", "mcp-github", false);
        RegisteredTool gitlab = registered(2, "search", "mcp-gitlab", false);

        ShadowingRule.Outcome outcome = ShadowingRule.apply(List.of(github, gitlab));

        assertThat(outcome.owners()).isEqualTo(Map.of("search", gitlab));
        assertThat(outcome.shadowed()).isEqualTo(List.of(github));
    }

    @Test
    void mcpToolsetDoesNotReplaceANonMcpOwner() {
        RegisteredTool builtIn = registered(1, "search", "web", false);
        RegisteredTool mcp = registered(2, "search", "mcp-github", false);

        ShadowingRule.Outcome outcome = ShadowingRule.apply(List.of(builtIn, mcp));

        assertThat(outcome.owners()).isEqualTo(Map.of("search", builtIn));
        assertThat(outcome.shadowed()).isEqualTo(List.of(mcp));
    }

    @Test
    void outcomeDoesNotDependOnTheOrderOfTheInputList() {
        RegisteredTool builtIn = registered(1, "read_file", "file", false);
        RegisteredTool refused = registered(2, "read_file", "my-plugin", false);
        RegisteredTool oldHello = registered(3, "hello", "hello-tool", false);
        RegisteredTool newHello = registered(4, "hello", "hello-tool", false);
        RegisteredTool terminal = registered(5, "terminal", "terminal", false);
        RegisteredTool sandbox = registered(6, "terminal", "sandbox", true);

        ShadowingRule.Outcome inOrder = ShadowingRule.apply(
                List.of(builtIn, refused, oldHello, newHello, terminal, sandbox));
        ShadowingRule.Outcome reversed = ShadowingRule.apply(
                List.of(sandbox, terminal, newHello, oldHello, refused, builtIn));
        ShadowingRule.Outcome shuffled = ShadowingRule.apply(
                List.of(newHello, sandbox, refused, terminal, builtIn, oldHello));

        Map<String, RegisteredTool> owners = Map.of("read_file", builtIn, "hello", newHello, "terminal", sandbox);
        List<RegisteredTool> shadowed = List.of(refused, terminal);
        assertThat(inOrder).isEqualTo(new ShadowingRule.Outcome(owners, shadowed));
        assertThat(reversed).isEqualTo(inOrder);
        assertThat(shuffled).isEqualTo(inOrder);
    }

    private static RegisteredTool registered(long order, String name, String toolset, boolean overrides) {
        ToolSpec spec = new ToolSpec(name, toolset, "test tool " + name, ToolSpec.NO_PARAMETERS, List.of(), overrides);
        return new RegisteredTool(order, new FixedTool(spec, toolset + ":" + order), spec, order, toolset + ".jar");
    }

    /** A tool that answers with a fixed text, so two tools of one name can be told apart. */
    private record FixedTool(ToolSpec spec, String answer) implements Tool {
        @Override
        public ToolResult call(ToolCall call, ToolContext context) {
            return ToolResult.ok(answer);
        }
    }
}
