package hermes.plugin.tools.clarify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.api.ToolCall;
import hermes.api.ToolResult;
import hermes.testing.FakeToolContext;
import hermes.testing.FakeToolContext.Question;

class ClarifyToolTest {

    @TempDir
    Path directory;

    private final ClarifyTool tool = new ClarifyTool();

    /** The calling session, whose user gives {@code answers} in order (none: nobody can answer). */
    private FakeToolContext answering(String... answers) {
        return new FakeToolContext(directory).answering(answers);
    }

    @Test
    void theUsersAnswerComesBackWithTheQuestion() throws Exception {
        FakeToolContext context = answering("PostgreSQL, \"16\"");

        ToolResult result = tool.call(call("""
                {"question":"Which database?","choices":["SQLite","PostgreSQL",5]}"""), context);

        assertThat(result).isEqualTo(ToolResult.ok("{\"question\":\"Which database?\",\"answer\":\"PostgreSQL, \\\"16\\\"\"}"));
        assertThat(context.questions()).containsExactly(
                new Question("Which database?", List.of("SQLite", "PostgreSQL", "5")));
    }

    @Test
    void anOpenQuestionIsAskedWithoutChoices() throws Exception {
        FakeToolContext context = answering("the blue one");

        ToolResult result = tool.call(call("""
                {"question":"  Which colour?  "}"""), context);

        assertThat(result).isEqualTo(ToolResult.ok("{\"question\":\"Which colour?\",\"answer\":\"the blue one\"}"));
        assertThat(context.questions()).containsExactly(new Question("Which colour?", List.of()));
    }

    @Test
    void withoutAnAnswerTheModelIsToldToProceedOnItsOwnJudgement() throws Exception {
        ToolResult result = tool.call(call("""
                {"question":"Which database?"}"""), answering());

        assertThat(result).isEqualTo(ToolResult.error(ClarifyTool.NO_ANSWER));
        assertThat(result.content()).contains("Nobody can answer right now", "best judgement", "assumptions");
    }

    @Test
    void aBlankAnswerCountsAsNoAnswer() throws Exception {
        ToolResult result = tool.call(call("""
                {"question":"Which database?"}"""), answering("  "));

        assertThat(result).isEqualTo(ToolResult.error(ClarifyTool.NO_ANSWER));
    }

    @Test
    void moreThanFourChoicesIsAnErrorAndNothingIsAsked() throws Exception {
        FakeToolContext context = answering("a");

        ToolResult result = tool.call(call("""
                {"question":"Pick one","choices":["a","b","c","d","e"]}"""), context);

        assertThat(result).isEqualTo(ToolResult.error(
                "choices has 5 entries; offer at most 4 (the user can always answer something else)"));
        assertThat(context.questions()).isEmpty();
    }

    @Test
    void aMissingQuestionIsAnError() throws Exception {
        FakeToolContext context = answering("a");

        assertThat(tool.call(call("{\"choices\":[\"a\"]}"), context))
                .isEqualTo(ToolResult.error("clarify needs a 'question': the text to ask the user"));
        assertThat(tool.call(call("{\"question\":\"Pick\",\"choices\":\"a or b\"}"), context))
                .isEqualTo(ToolResult.error("choices must be an array of up to 4 strings"));
        assertThat(context.questions()).isEmpty();
    }

    @Test
    void askingIsNotMutating() {
        assertThat(tool.isMutating(call("{\"question\":\"Why?\"}"))).isFalse();
        assertThat(tool.spec().toolset()).isEqualTo("clarify");
    }

    private static ToolCall call(String arguments) {
        return new ToolCall("call-1", "clarify", arguments);
    }
}
