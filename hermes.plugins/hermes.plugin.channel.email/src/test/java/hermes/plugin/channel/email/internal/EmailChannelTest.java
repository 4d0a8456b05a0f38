package hermes.plugin.channel.email.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import jakarta.activation.DataHandler;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.api.Caller;
import hermes.api.Channel;
import hermes.api.ContentPart;

class EmailChannelTest {

    @TempDir
    Path home;

    private MailServer server;
    private RecordingHost host;
    private EmailChannel channel;

    @BeforeEach
    void startServerAndChannel() throws Exception {
        server = MailServer.start();
        host = new RecordingHost(server.botSettings());
        channel = new EmailChannel(home);
        channel.start(host);
    }

    @AfterEach
    void stopAll() {
        channel.stop();
        server.close();
    }

    @Test
    void aUsersMailArrivesAsInboundOfItsOwnThread() throws Exception {
        String id = server.aliceWrites("Plans", "Can you book the train?", Optional.empty(), List.of());

        Channel.Inbound inbound = host.next();

        assertThat(inbound).isEqualTo(new Channel.Inbound(new Caller("email", Optional.of(id), Optional.empty(),
                Optional.of(MailServer.ALICE), Caller.Trust.UNTRUSTED), id,
                "[Subject: Plans]\n\nCan you book the train?", List.of()));
        assertThat(channel.isHealthy()).isTrue();
        assertThat(home.resolve("platforms/email/threads.json")).content().contains(id, MailServer.ALICE);
    }

    @Test
    void aReplyGoesToTheCorrespondentInThread() throws Exception {
        String id = server.aliceWrites("Plans", "Can you book the train?", Optional.empty(), List.of());
        Channel.Inbound inbound = host.next();

        String sentId = channel.send(new Channel.Outbound(inbound.caller().chatId().orElseThrow(), Optional.empty(),
                Optional.empty(), "Booked: the 9:15 to Leeds.", List.of()));

        MimeMessage reply = server.awaitMailToAlice();
        assertThat(reply.getMessageID()).isEqualTo(sentId);
        assertThat(reply.getSubject()).isEqualTo("Re: Plans");
        assertThat(reply.getHeader("In-Reply-To", " ")).isEqualTo(id);
        assertThat(reply.getHeader("References", " ")).isEqualTo(id);
        assertThat(reply.getHeader("Auto-Submitted", " ")).isEqualTo("auto-replied");
        assertThat(reply.getFrom()).containsExactly(new InternetAddress(MailServer.BOT));
        assertThat(((String) reply.getContent()).strip()).isEqualTo("Booked: the 9:15 to Leeds.");
    }

    @Test
    void theUsersAnswerToOurReplyStaysInTheSameChatWithoutTheQuote() throws Exception {
        String first = server.aliceWrites("Plans", "Can you book the train?", Optional.empty(), List.of());
        String chat = host.next().caller().chatId().orElseThrow();
        String ours = channel.send(new Channel.Outbound(chat, Optional.empty(), Optional.empty(), "Which day?",
                List.of()));

        String second = server.aliceWrites("Re: Plans", "Friday, please.\n\nOn Mon, 1 Jun 2026 at 10:00, Hermes <"
                + MailServer.BOT + "> wrote:\n> Which day?\n", Optional.of(ours), List.of(first, ours));
        Channel.Inbound answer = host.next();

        assertThat(answer.caller().chatId()).contains(first);
        assertThat(answer.messageId()).isEqualTo(second);
        assertThat(answer.text()).isEqualTo("Friday, please.");
        channel.send(new Channel.Outbound(chat, Optional.empty(), Optional.empty(), "Done.", List.of()));
        MimeMessage secondReply = server.awaitMailsToAlice(2).get(1);
        assertThat(secondReply.getHeader("In-Reply-To", " ")).isEqualTo(second);
        assertThat(secondReply.getHeader("References", " ")).isEqualTo(first + " " + ours + " " + second);
        assertThat(secondReply.getSubject()).isEqualTo("Re: Plans");
    }

    @Test
    void repliesStillThreadAfterARestart() throws Exception {
        String id = server.aliceWrites("Plans", "Can you book the train?", Optional.empty(), List.of());
        String chat = host.next().caller().chatId().orElseThrow();
        channel.stop();

        channel = new EmailChannel(home);
        channel.start(host);
        channel.send(new Channel.Outbound(chat, Optional.empty(), Optional.empty(), "Booked.", List.of()));

        MimeMessage reply = server.awaitMailToAlice();
        assertThat(reply.getHeader("In-Reply-To", " ")).isEqualTo(id);
        assertThat(reply.getSubject()).isEqualTo("Re: Plans");
    }

    @Test
    void mailThatArrivedWhileStoppedIsReadOnTheNextStart() throws Exception {
        channel.stop();
        String id = server.aliceWrites("While you were out", "Ping", Optional.empty(), List.of());

        channel.start(host);

        assertThat(host.next().messageId()).isEqualTo(id);
    }

    @Test
    void oldUnreadMailIsLeftAloneTheFirstTimeAMailboxIsSeen() throws Exception {
        channel.stop();
        server.aliceWrites("Old", "from last year", Optional.empty(), List.of());
        Path freshHome = home.resolve("fresh");
        channel = new EmailChannel(freshHome);
        channel.start(host);

        String id = server.aliceWrites("New", "hello", Optional.empty(), List.of());

        assertThat(host.next().messageId()).isEqualTo(id);
        assertThat(host.nothingMore()).isTrue();
    }

    @Test
    void anAttachmentArrivesAsACachedFile() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        MimeMessage message = new MimeMessage(server.session());
        message.setFrom(new InternetAddress(MailServer.ALICE));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(MailServer.BOT));
        message.setSubject("Photo");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("See attached.", "UTF-8");
        MimeBodyPart image = new MimeBodyPart();
        image.setDataHandler(new DataHandler(new ByteArrayDataSource(png, "image/png")));
        image.setFileName("../holiday.png");
        image.setDisposition(MimeBodyPart.ATTACHMENT);
        message.setContent(new MimeMultipart(text, image));
        server.send(message);

        Channel.Inbound inbound = host.next();

        assertThat(inbound.text()).isEqualTo("[Subject: Photo]\n\nSee attached.");
        assertThat(inbound.attachments()).singleElement().isInstanceOfSatisfying(ContentPart.Image.class, part -> {
            Path file = Path.of(URI.create(part.url()));
            assertThat(part.mediaType()).isEqualTo("image/png");
            assertThat(file.getParent()).isEqualTo(home.resolve("cache/images"));
            assertThat(file.getFileName().toString()).endsWith("_holiday.png");
            assertThat(file).hasBinaryContent(png);
        });
    }

    @Test
    void ourOwnAndAutomaticMailIsNotDelivered() throws Exception {
        MimeMessage vacation = new MimeMessage(server.session());
        vacation.setFrom(new InternetAddress(MailServer.ALICE));
        vacation.setRecipient(Message.RecipientType.TO, new InternetAddress(MailServer.BOT));
        vacation.setSubject("Out of office");
        vacation.setText("I am away.");
        vacation.setHeader("Auto-Submitted", "auto-replied");
        server.send(vacation);
        String id = server.aliceWrites("Real", "a person wrote this", Optional.empty(), List.of());

        assertThat(host.next().messageId()).isEqualTo(id);
    }

    @Test
    void becomesHealthyAgainAfterTheServerRestarts() throws Exception {
        assertThat(channel.isHealthy()).isTrue();

        server.restart();
        awaitHealthy(false);
        channel.stop();
        channel.start(host);

        assertThat(channel.isHealthy()).isTrue();
        String id = server.aliceWrites("Back", "are you there?", Optional.empty(), List.of());
        assertThat(host.next().messageId()).isEqualTo(id);
    }

    @Test
    void startFailsWithAClearMessageOnBadCredentials() {
        channel.stop();

        assertThatThrownBy(() -> channel.start(host.with(EmailSettings.PASSWORD, "wrong")))
                .hasMessageContaining("login as " + MailServer.BOT)
                .hasMessageContaining(EmailSettings.PASSWORD);
        assertThat(channel.isHealthy()).isFalse();
    }

    @Test
    void startFailsWithAClearMessageWhenTheServerIsDown() {
        channel.stop();
        server.stop();

        assertThatThrownBy(() -> channel.start(host))
                .hasMessageContaining("cannot connect to the SMTP server 127.0.0.1")
                .hasMessageContaining(EmailSettings.SMTP_HOST);
    }

    @Test
    void stopEndsTheWatcherPromptly() {
        long started = System.nanoTime();
        channel.stop();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(channel.isHealthy()).isFalse();
    }

    @Test
    void sendingToAnUnknownThreadFailsAndNamesIt() {
        assertThatThrownBy(() -> channel.send(new Channel.Outbound("<nobody@example.test>", Optional.empty(),
                Optional.empty(), "hi", List.of()))).hasMessageContaining("no email thread <nobody@example.test>");
    }

    private void awaitHealthy(boolean expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (channel.isHealthy() != expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(channel.isHealthy()).isEqualTo(expected);
    }
}
