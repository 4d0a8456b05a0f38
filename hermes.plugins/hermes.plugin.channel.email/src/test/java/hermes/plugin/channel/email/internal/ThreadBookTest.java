package hermes.plugin.channel.email.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThreadBookTest {

    @TempDir
    Path home;

    private Path file() {
        return home.resolve("platforms/email/threads.json");
    }

    @Test
    void aMessageWithoutReferencesStartsItsOwnThread() throws IOException {
        ThreadBook book = ThreadBook.load(file());

        assertThat(book.rootOf(List.of(), Optional.empty(), "<a@x>")).isEqualTo("<a@x>");
        assertThat(book.rootOf(List.of("<r@x>", "<p@x>"), Optional.of("<p@x>"), "<b@x>")).isEqualTo("<r@x>");
        assertThat(book.rootOf(List.of(), Optional.of("<p@x>"), "<b@x>")).isEqualTo("<p@x>");
    }

    @Test
    void aReplyToOneOfOurMessagesJoinsItsThreadEvenWithoutReferences() throws IOException {
        ThreadBook book = ThreadBook.load(file());
        book.recordInbound("<root@x>", "alice@x", "Plans", "<root@x>", List.of());
        book.recordSent("<root@x>", "alice@x", "Re: Plans", "<ours@hermes>");

        assertThat(book.rootOf(List.of(), Optional.of("<ours@hermes>"), "<next@x>")).isEqualTo("<root@x>");
    }

    @Test
    void threadsAndTheReadMarkSurviveAReload() throws IOException {
        ThreadBook book = ThreadBook.load(file());
        book.mark(new ThreadBook.Mark(7, 42));
        book.recordInbound("<root@x>", "alice@x", "Plans", "<second@x>", List.of("<root@x>", "<ours@hermes>"));
        book.recordSent("<root@x>", "alice@x", "Re: Plans", "<reply@hermes>");

        ThreadBook reloaded = ThreadBook.load(file());

        assertThat(reloaded.mark()).contains(new ThreadBook.Mark(7, 42));
        ThreadBook.MailThread thread = reloaded.thread("<root@x>").orElseThrow();
        assertThat(thread.correspondent()).isEqualTo("alice@x");
        assertThat(thread.subject()).isEqualTo("Plans");
        assertThat(thread.lastInboundId()).isEqualTo("<second@x>");
        assertThat(thread.references()).containsExactly("<root@x>", "<ours@hermes>", "<second@x>");
        assertThat(thread.sentIds()).containsExactly("<reply@hermes>");
        assertThat(reloaded.rootOf(List.of(), Optional.of("<reply@hermes>"), "<third@x>")).isEqualTo("<root@x>");
        assertThat(Files.list(file().getParent())).containsExactly(file());
    }

    @Test
    void longReferenceChainsKeepTheRootAndTheNewest() throws IOException {
        ThreadBook book = ThreadBook.load(file());
        List<String> chain = new ArrayList<>(IntStream.range(0, 30).mapToObj(i -> "<m" + i + "@x>").toList());

        book.recordInbound("<m0@x>", "alice@x", "Long", "<m30@x>", chain);

        List<String> kept = book.thread("<m0@x>").orElseThrow().references();
        assertThat(kept).hasSize(ThreadBook.MAX_REFERENCES).startsWith("<m0@x>").endsWith("<m29@x>", "<m30@x>");
    }

    @Test
    void aCorruptFileIsNamedWithTheFix() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{not json");

        assertThatThrownBy(() -> ThreadBook.load(file())).isInstanceOf(IOException.class)
                .hasMessageContaining(file().toString()).hasMessageContaining("fix or remove it");
    }
}
