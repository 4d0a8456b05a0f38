package hermes.plugin.store.sqlite.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SnippetsAndCommandLineTest {

    @Test
    void snippetTermsLeaveOutOperatorsAndNegatedWords() {
        assertThat(Snippets.terms("\"docker networking\" OR bridge NOT overlay deploy*"))
                .containsExactly("docker", "networking", "bridge", "deploy*");
    }

    @Test
    void wordSnippetsMarkWholeWordsPrefixesAndAccentFoldedForms() {
        assertThat(Snippets.words("Deploying the Café deploy; cafe-au-lait", List.of("deploy*", "cafe")))
                .isEqualTo(">>>Deploying<<< the >>>Café<<< >>>deploy<<<; >>>cafe<<<-au-lait");
        assertThat(Snippets.words("nothing matches here", List.of("zebra"))).isEqualTo("nothing matches here");
    }

    @Test
    void longTextIsCutToFortyWordsAroundTheFirstMatch() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 100; i++) {
            text.append(i == 50 ? "needle" : "w" + i).append(' ');
        }
        String snippet = Snippets.words(text.toString(), List.of("needle"));

        assertThat(snippet).startsWith("...w42 w43").contains(">>>needle<<<").endsWith("w81...");
        assertThat(snippet.split(" ")).hasSize(40);
    }

    @Test
    void substringSnippetsMarkEveryOccurrenceNearTheFirst() {
        assertThat(Snippets.substrings("メモ: 会議は木曜日、会議室A", List.of("会議")))
                .isEqualTo("メモ: >>>会議<<<は木曜日、>>>会議<<<室A");
        assertThat(Snippets.substrings("x".repeat(200) + "ABC tail", List.of("abc")))
                .isEqualTo("..." + "x".repeat(40) + ">>>ABC<<< tail");
    }

    @Test
    void commandLinesKeepQuotedTitlesTogetherAndApostrophesInWords() {
        CommandLine line = CommandLine.parse("rename \"Release checklist\" Bob's notes --limit=5 --yes",
                Set.of("limit"), Set.of("yes"), "usage");

        assertThat(line.words()).containsExactly("rename", "Release checklist", "Bob's", "notes");
        assertThat(line.options()).isEqualTo(Map.of("limit", "5", "yes", ""));
        assertThat(CommandLine.parse("show 'a b' --source cli", Set.of("source"), Set.of(), "u").words())
                .containsExactly("show", "a b");
    }

    @Test
    void commandLineMistakesSayWhatIsWrong() {
        assertThatThrownBy(() -> CommandLine.parse("list --limit", Set.of("limit"), Set.of(), "list [--limit N]"))
                .hasMessage("--limit needs a value; usage: list [--limit N]");
        assertThatThrownBy(() -> CommandLine.parse("list --everything", Set.of(), Set.of(), "list"))
                .hasMessage("unknown option --everything; usage: list");
    }
}
