package hermes.plugin.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import hermes.api.ContentPart;

class RepliesTest {

    @ParameterizedTest
    @ValueSource(strings = {"[SILENT]", "  [SILENT]\n", "SILENT", "NO_REPLY", "NO REPLY", "", "   "})
    void silenceTokensAndEmptyAnswersSendNothing(String answer) {
        assertThat(Replies.of(answer)).isEmpty();
    }

    @Test
    void aSilenceTokenInsideATextIsJustText() {
        assertThat(Replies.of("I would stay [SILENT] here")).contains(new Replies.Reply("I would stay [SILENT] here",
                List.of()));
    }

    @Test
    void mediaLinesBecomeAttachmentsAndLeaveTheText() {
        Optional<Replies.Reply> reply = Replies.of("""
                Here is the chart:
                MEDIA:/tmp/chart.png
                and the recording
                  MEDIA: `/tmp/voice.ogg`
                MEDIA:/tmp/report.pdf""");

        assertThat(reply).contains(new Replies.Reply("Here is the chart:\nand the recording", List.of(
                new ContentPart.Image("image/png", Path.of("/tmp/chart.png").toUri().toString()),
                new ContentPart.Audio("audio/ogg", Path.of("/tmp/voice.ogg").toUri().toString()),
                new ContentPart.File("report.pdf", "application/pdf", Path.of("/tmp/report.pdf").toUri().toString()))));
    }

    @Test
    void asDocumentSendsImagesAsFiles() {
        assertThat(Replies.of("[[as_document]]\nMEDIA:https://example.org/a.png")).contains(new Replies.Reply("",
                List.of(new ContentPart.File("a.png", "image/png", "https://example.org/a.png"))));
    }
}
