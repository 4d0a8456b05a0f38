package hermes.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import jakarta.mail.Message;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import hermes.testing.FakeModelServer;
import hermes.testing.Reply;

/** {@code hermes gateway run} with the email channel against GreenMail: a user's mail gets a threaded reply. */
class GatewayEmailIT {

    private static final String BOT = "hermes@example.test";
    private static final String ALICE = "alice@example.test";

    @TempDir
    Path home;
    final FakeModelServer server = new FakeModelServer().start();
    GreenMail mail;
    Process gateway;

    @AfterEach
    void stop() throws Exception {
        HermesProcess.stopGateway(gateway);
        if (mail != null) {
            mail.stop();
        }
        server.close();
    }

    @Test
    void aMailIsAnsweredInItsThread() throws Exception {
        mail = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)}));
        mail.start();
        mail.setUser(BOT, BOT, "secret");
        mail.setUser(ALICE, ALICE, "pw");
        new HermesProcess(home, server, "");
        Files.writeString(home.resolve(".env"), "EMAIL_ENABLED=true\nEMAIL_ADDRESS=" + BOT + "\nEMAIL_PASSWORD=secret\n"
                + "EMAIL_IMAP_HOST=127.0.0.1\nEMAIL_IMAP_PORT=" + mail.getImap().getPort() + "\nEMAIL_IMAP_SECURITY=none\n"
                + "EMAIL_SMTP_HOST=127.0.0.1\nEMAIL_SMTP_PORT=" + mail.getSmtp().getPort() + "\nEMAIL_SMTP_SECURITY=none\n"
                + "EMAIL_POLL_INTERVAL=1\nEMAIL_ALLOWED_USERS=" + ALICE + "\n");
        server.enqueue(Reply.text("Four."));
        gateway = new HermesProcess(home).startGateway();
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (!Files.readString(home.resolve("gateway.log")).contains("email: running")) {
            assertThat(System.nanoTime()).as("email connected; log:%n%s", Files.readString(home.resolve("gateway.log")))
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
        Thread.sleep(1500); // the channel notes the mailbox as it is now; mail from here on is new

        MimeMessage question = new MimeMessage(mail.getSmtp().createSession());
        question.setFrom(new InternetAddress(ALICE));
        question.setRecipient(Message.RecipientType.TO, new InternetAddress(BOT));
        question.setSubject("Quick question");
        question.setText("What is 2+2?", "UTF-8");
        question.saveChanges();
        Transport.send(question);

        MimeMessage reply = null;
        while (reply == null && System.nanoTime() < deadline + Duration.ofSeconds(30).toNanos()) {
            reply = Arrays.stream(mail.getReceivedMessagesForDomain("example.test"))
                    .filter(m -> {
                        try {
                            return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(ALICE))
                                    && m.getSubject().startsWith("Re:");
                        } catch (jakarta.mail.MessagingException e) {
                            return false;
                        }
                    }).findFirst().orElse(null);
            Thread.sleep(200);
        }
        assertThat(reply).as("a reply; log:%n%s", Files.readString(home.resolve("gateway.log"))).isNotNull();
        assertThat(reply.getSubject()).isEqualTo("Re: Quick question");
        assertThat(reply.getHeader("In-Reply-To")[0]).isEqualTo(question.getMessageID());
        assertThat(reply.getHeader("References")[0]).contains(question.getMessageID());
        assertThat(String.valueOf(reply.getContent())).contains("Four.");
        assertThat(server.requests().get(0).lastUserText()).contains("What is 2+2?");
    }
}
