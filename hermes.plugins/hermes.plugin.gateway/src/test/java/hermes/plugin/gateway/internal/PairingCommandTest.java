package hermes.plugin.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairingCommandTest {

    @TempDir
    Path home;
    FakeTime time = new FakeTime(Instant.now());

    @Test
    void listShowsPendingRequestsWithoutCodesAndApprovedUsers() throws Exception {
        PairingStore store = new PairingStore(home.resolve("platforms/pairing"), time, new SecureRandom());
        String code = store.requestCode("telegram", "7", "Ada").orElseThrow();
        store.requestCode("email", "bob@example.org", "").orElseThrow();
        PairingCommand command = new PairingCommand(store);

        String listed = run(command, "list");
        assertThat(listed).matches("Pending requests:\n  email  user bob@example.org  asked \\d+ s ago\n"
                + "  telegram  user 7 \\(Ada\\)  asked \\d+ s ago\nNo approved users.").doesNotContain(code);

        run(command, "approve telegram " + code);
        assertThat(run(command, "list")).contains("Approved users:\n  telegram  7 (Ada)  since ");
        assertThat(run(command, "revoke telegram 7")).isEqualTo("Revoked telegram user 7.");
        assertThat(run(command, "revoke telegram 7")).isEqualTo("telegram user 7 was not approved.");
    }

    @Test
    void aWrongCodeIsRefusedWithoutRepeatingItAndLockoutIsExplained() throws Exception {
        PairingCommand command = new PairingCommand(new PairingStore(home.resolve("platforms/pairing"), time,
                new SecureRandom()));

        for (int i = 0; i < PairingStore.MAX_FAILED_APPROVALS; i++) {
            assertThatThrownBy(() -> run(command, "approve telegram ZZZZ2222"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(
                            "no pending request on telegram has that code").hasMessageNotContaining("ZZZZ2222");
        }
        assertThatThrownBy(() -> run(command, "approve telegram ZZZZ2222")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("approvals on telegram are locked until");
        assertThatThrownBy(() -> run(command, "approve telegram")).hasMessage(
                "usage: pairing approve <platform> <code>");
    }

    @Test
    void pairingIsForTheOwnerAtTheTerminalOnly() {
        assertThat(new PairingCommand(PairingStore.in(home)).cliOnly()).isTrue();
    }

    private static String run(PairingCommand command, String arguments) throws Exception {
        RecordingContext context = new RecordingContext();
        command.run(arguments, context);
        return context.text();
    }
}
