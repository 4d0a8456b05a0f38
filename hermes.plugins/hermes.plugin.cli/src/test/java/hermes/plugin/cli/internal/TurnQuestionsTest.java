package hermes.plugin.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import hermes.api.Event;
import hermes.api.Submission;
import hermes.api.Submission.ApprovalAnswer.Decision;
import hermes.plugin.cli.internal.TurnRunnerTest.ScriptedAnswers;

class TurnQuestionsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Screen screen = new PlainScreen(new PrintWriter(out), new PrintWriter(err));

    @Test
    void eachChoiceMapsToItsDecision() {
        assertThat(decide(Optional.of("o"))).isEqualTo(Decision.ONCE);
        assertThat(decide(Optional.of("s"))).isEqualTo(Decision.SESSION);
        assertThat(decide(Optional.of("a"))).isEqualTo(Decision.ALWAYS);
        assertThat(decide(Optional.of("d"))).isEqualTo(Decision.DENY);
    }

    @Test
    void anEmptyLineOrTheEndOfInputDenies() {
        assertThat(decide(Optional.of(""))).isEqualTo(Decision.DENY);
        // end of input, Ctrl-C, the deadline: the answer source gives no line
        assertThat(decide(Optional.empty())).isEqualTo(Decision.DENY);
    }

    @Test
    void wordsAndCaseAreUnderstoodAndAnythingElseDenies() {
        assertThat(TurnQuestions.decision(Optional.of(" Once "))).isEqualTo(Decision.ONCE);
        assertThat(TurnQuestions.decision(Optional.of("yes"))).isEqualTo(Decision.ONCE);
        assertThat(TurnQuestions.decision(Optional.of("SESSION"))).isEqualTo(Decision.SESSION);
        assertThat(TurnQuestions.decision(Optional.of("always"))).isEqualTo(Decision.ALWAYS);
        assertThat(TurnQuestions.decision(Optional.of("maybe"))).isEqualTo(Decision.DENY);
    }

    @Test
    void theApprovalPromptShowsTheCommandAndReasonAndWaitsUntilTheRequestExpires() {
        Instant expiry = Instant.now().plusSeconds(60);
        RecordingAnswers answers = new RecordingAnswers(Optional.of("o"));
        Submission.ApprovalAnswer answer = new TurnQuestions(answers, screen)
                .approve(new Event.ApprovalRequested("a1", "rm -rf build", "recursive delete", expiry));
        assertThat(answer).isEqualTo(new Submission.ApprovalAnswer("a1", Decision.ONCE));
        assertThat(out.toString()).isEqualTo("⚠ approval needed: rm -rf build\n  recursive delete\n");
        assertThat(answers.prompts).containsExactly(TurnQuestions.APPROVAL_PROMPT + " until " + expiry);
    }

    @Test
    void anExpiredApprovalSaysItWasDenied() {
        Submission.ApprovalAnswer answer = new TurnQuestions(new ScriptedAnswers(Optional.empty()), screen)
                .approve(new Event.ApprovalRequested("a1", "rm -rf build", "recursive delete",
                        Instant.now().minusMillis(1)));
        assertThat(answer.decision()).isEqualTo(Decision.DENY);
        assertThat(err.toString()).isEqualTo("(no answer in time: denied)\n");
    }

    @Test
    void aClarifyingQuestionListsItsChoicesAndANumberPicksOne() {
        RecordingAnswers answers = new RecordingAnswers(Optional.of("2"));
        Submission.ClarifyAnswer answer = new TurnQuestions(answers, screen)
                .clarify(new Event.ClarifyRequested("q1", "Which colour?", List.of("red", "blue")));
        assertThat(answer).isEqualTo(new Submission.ClarifyAnswer("q1", "blue"));
        assertThat(out.toString()).isEqualTo("? Which colour?\n  1. red\n  2. blue\n");
        assertThat(answers.prompts).containsExactly(TurnQuestions.CLARIFY_PROMPT + " until " + Instant.MAX);
    }

    @Test
    void aClarifyingAnswerIsTheTextOrEmptyWhenNoneWasGiven() {
        assertThat(TurnQuestions.choice("3", List.of("red", "blue"))).isEqualTo("3");
        assertThat(TurnQuestions.choice(" green ", List.of("red", "blue"))).isEqualTo("green");
        Submission.ClarifyAnswer none = new TurnQuestions(new ScriptedAnswers(Optional.empty()), screen)
                .clarify(new Event.ClarifyRequested("q1", "Which colour?", List.of()));
        assertThat(none).isEqualTo(new Submission.ClarifyAnswer("q1", ""));
    }

    private Decision decide(Optional<String> typed) {
        return new TurnQuestions(new ScriptedAnswers(typed), screen)
                .approve(new Event.ApprovalRequested("a1", "rm -rf x", "recursive delete",
                        Instant.now().plusSeconds(60)))
                .decision();
    }

    /** Answers with one line and notes each prompt with its deadline. */
    private static final class RecordingAnswers implements AnswerSource {
        final List<String> prompts = new ArrayList<>();
        private final Optional<String> answer;

        RecordingAnswers(Optional<String> answer) {
            this.answer = answer;
        }

        @Override
        public Optional<String> read(String prompt, Instant deadline) {
            prompts.add(prompt + " until " + deadline);
            return answer;
        }

        @Override
        public void cancel() {
        }
    }
}
