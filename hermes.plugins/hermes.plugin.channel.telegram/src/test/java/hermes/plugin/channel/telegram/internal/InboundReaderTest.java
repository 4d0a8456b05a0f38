package hermes.plugin.channel.telegram.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import hermes.api.Caller;
import hermes.api.Channel;
import hermes.api.ContentPart;

class InboundReaderTest {

    /** Names each file by what was asked for, so tests see which file and type were chosen. */
    private final InboundReader reader = new InboundReader((kind, fileId, fileName, mediaType) ->
            new ContentPart.File(kind + ":" + fileName, mediaType, "data:" + fileId));

    private static JsonNode update(String messageJson) throws IOException {
        return FakeTelegram.JSON.readTree("{\"update_id\":7,\"message\":" + messageJson + "}");
    }

    @Test
    void aDirectMessageNamesChatAndSender() throws IOException {
        Optional<Channel.Inbound> inbound = reader.read(update("""
                {"message_id":11,"from":{"id":555,"first_name":"Ada"},"chat":{"id":555,"type":"private"},
                 "date":1700000000,"text":"hello bot"}"""));

        assertThat(inbound).contains(new Channel.Inbound(new Caller("telegram", Optional.of("555"), Optional.empty(),
                Optional.of("555"), Caller.Trust.AUTHORIZED), "11", "hello bot", List.of()));
    }

    @Test
    void aForumTopicMessageCarriesItsThread() throws IOException {
        Channel.Inbound inbound = reader.read(update("""
                {"message_id":12,"message_thread_id":3,"is_topic_message":true,"from":{"id":555},
                 "chat":{"id":-100200,"type":"supergroup","is_forum":true},"text":"in a topic"}""")).orElseThrow();

        assertThat(inbound.caller().chatId()).contains("-100200");
        assertThat(inbound.caller().threadId()).contains("3");
    }

    @Test
    void aReplyChainInAPlainSupergroupIsNotAThread() throws IOException {
        Channel.Inbound inbound = reader.read(update("""
                {"message_id":13,"message_thread_id":9,"from":{"id":555},"chat":{"id":-100200,"type":"supergroup"},
                 "text":"a reply"}""")).orElseThrow();

        assertThat(inbound.caller().threadId()).isEmpty();
    }

    @Test
    void aPhotoIsFetchedInItsLargestSizeWithTheCaptionAsText() throws IOException {
        Channel.Inbound inbound = reader.read(update("""
                {"message_id":14,"from":{"id":555},"chat":{"id":555},"caption":"what is this?",
                 "photo":[{"file_id":"small","width":90},{"file_id":"large","width":1280}]}""")).orElseThrow();

        assertThat(inbound.text()).isEqualTo("what is this?");
        assertThat(inbound.attachments()).containsExactly(
                new ContentPart.File("photo:photo.jpg", "image/jpeg", "data:large"));
    }

    @Test
    void documentsAndVoiceNotesKeepTheirNamesAndTypes() throws IOException {
        Channel.Inbound document = reader.read(update("""
                {"message_id":15,"from":{"id":555},"chat":{"id":555},
                 "document":{"file_id":"d1","file_name":"report.pdf","mime_type":"application/pdf"}}""")).orElseThrow();
        Channel.Inbound voice = reader.read(update("""
                {"message_id":16,"from":{"id":555},"chat":{"id":555},"voice":{"file_id":"v1","duration":3}}"""))
                .orElseThrow();

        assertThat(document.text()).isEmpty();
        assertThat(document.attachments()).containsExactly(
                new ContentPart.File("document:report.pdf", "application/pdf", "data:d1"));
        assertThat(voice.attachments()).containsExactly(new ContentPart.File("voice:voice.ogg", "audio/ogg", "data:v1"));
    }

    @Test
    void aFileThatCannotBeFetchedIsLeftOutAndTheTextStillGoes() throws IOException {
        InboundReader failing = new InboundReader((kind, fileId, fileName, mediaType) -> {
            throw new IOException("getFile is not supported");
        });

        Channel.Inbound inbound = failing.read(update("""
                {"message_id":17,"from":{"id":555},"chat":{"id":555},"caption":"see","photo":[{"file_id":"p"}]}"""))
                .orElseThrow();

        assertThat(inbound.text()).isEqualTo("see");
        assertThat(inbound.attachments()).isEmpty();
    }

    @Test
    void filesOverTheDownloadLimitAreNotFetched() throws IOException {
        Optional<Channel.Inbound> inbound = reader.read(update("""
                {"message_id":18,"from":{"id":555},"chat":{"id":555},
                 "video":{"file_id":"big","file_size":52428800}}"""));

        assertThat(inbound).isEmpty();
    }

    @Test
    void updatesWithoutAMessageOrWithoutContentAreSkipped() throws IOException {
        assertThat(reader.read(FakeTelegram.JSON.readTree("""
                {"update_id":8,"edited_message":{"message_id":1,"chat":{"id":5},"text":"edited"}}"""))).isEmpty();
        assertThat(reader.read(update("""
                {"message_id":19,"from":{"id":555},"chat":{"id":-5},"new_chat_members":[{"id":7}]}"""))).isEmpty();
    }
}
