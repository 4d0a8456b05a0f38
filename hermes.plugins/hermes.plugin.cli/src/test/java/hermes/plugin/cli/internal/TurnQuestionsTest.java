package hermes.plugin.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import hermes.api.Submission.ApprovalAnswer.Decision;

class TurnQuestionsTest {

    @Test
    void onlyAClearAnswerApproves() {
        assertThat(TurnQuestions.decision("o")).isEqualTo(Decision.ONCE);
        assertThat(TurnQuestions.decision(" Yes ")).isEqualTo(Decision.ONCE);
        assertThat(TurnQuestions.decision("session")).isEqualTo(Decision.SESSION);
        assertThat(TurnQuestions.decision("a")).isEqualTo(Decision.ALWAYS);
        assertThat(TurnQuestions.decision("")).isEqualTo(Decision.DENY);
        assertThat(TurnQuestions.decision("maybe")).isEqualTo(Decision.DENY);
    }

    @Test
    void aNumberPicksAChoice() {
        List<String> choices = List.of("red", "blue");
        assertThat(TurnQuestions.choice("2", choices)).isEqualTo("blue");
        assertThat(TurnQuestions.choice("3", choices)).isEqualTo("3");
        assertThat(TurnQuestions.choice(" green ", choices)).isEqualTo("green");
    }

    @Test
    void ordinaryTurnEndingsNeedNoNote() {
        assertThat(TurnPrinter.note("stop")).isEmpty();
        assertThat(TurnPrinter.note("error")).isEmpty();
        assertThat(TurnPrinter.note("interrupted")).isEqualTo("(interrupted)");
    }
}
