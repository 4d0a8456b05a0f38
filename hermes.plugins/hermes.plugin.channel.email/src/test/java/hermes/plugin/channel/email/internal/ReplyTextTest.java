package hermes.plugin.channel.email.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyTextTest {

    @Test
    void cutsTheQuoteBelowAnAttributionLine() {
        assertThat(ReplyText.strip("Yes, Friday.\r\n\r\nOn Mon, 1 Jun 2026 at 10:00, Hermes <h@x.test> wrote:\r\n"
                + "> Which day?\r\n> \r\n")).isEqualTo("Yes, Friday.");
    }

    @Test
    void cutsAnAttributionWrappedOverTwoLines() {
        assertThat(ReplyText.strip("Yes.\n\nOn Mon, 1 Jun 2026 at 10:00, Hermes Agent <hermes@example.test>\n"
                + "wrote:\n\n> Which day?")).isEqualTo("Yes.");
    }

    @Test
    void keepsALineStartingWithOnThatIntroducesNoQuote() {
        String body = "On Monday I wrote: the report is late.\nPlease chase it.";

        assertThat(ReplyText.strip(body)).isEqualTo(body);
    }

    @Test
    void keepsQuotesInterleavedWithAnswers() {
        String body = "> Which day?\nFriday.\n> Which train?\nThe 9:15.";

        assertThat(ReplyText.strip(body)).isEqualTo(body);
    }

    @Test
    void cutsTheSignatureAndABottomQuote() {
        assertThat(ReplyText.strip("Thanks!\n\n-- \nAlice Example\nACME Ltd\n")).isEqualTo("Thanks!");
        assertThat(ReplyText.strip("Thanks!\n\n> earlier text\n> more\n")).isEqualTo("Thanks!");
    }

    @Test
    void cutsAnOutlookOriginalMessageBlock() {
        assertThat(ReplyText.strip("Fine.\n\n-----Original Message-----\nFrom: Hermes\nSubject: x"))
                .isEqualTo("Fine.");
    }

    @Test
    void returnsTheWholeBodyWhenCuttingWouldLeaveNothing() {
        assertThat(ReplyText.strip("> only a quote\n")).isEqualTo("> only a quote");
    }

    @Test
    void htmlBecomesReadableTextWithoutQuotedBlocks() {
        assertThat(Html.toText("<html><head><style>p{}</style></head><body><p>Hello&nbsp;there</p>"
                + "<div>Fish &amp; chips<br>tonight?</div><blockquote>old mail</blockquote></body></html>"))
                .isEqualTo("Hello there\n\nFish & chips\ntonight?");
    }
}
