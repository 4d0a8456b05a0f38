package hermes.plugin.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairingStoreTest {

    @TempDir
    Path home;
    FakeTime time = new FakeTime(Instant.parse("2025-03-10T12:00:00Z"));
    Path directory;
    PairingStore store;

    @BeforeEach
    void setUp() {
        directory = home.resolve("platforms/pairing");
        store = new PairingStore(directory, time, new SecureRandom());
    }

    @Test
    void codesAreEightCharactersOfTheUnambiguousAlphabet() throws IOException {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            PairingStore fresh = new PairingStore(home.resolve("p" + i), time, new SecureRandom());
            codes.add(fresh.requestCode("telegram", "u" + i, "").orElseThrow());
        }

        assertThat(codes).hasSize(30).allMatch(code -> code.matches("[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{8}"));
    }

    @Test
    void anApprovedCodeAdmitsItsUserOnce() throws IOException {
        String code = store.requestCode("telegram", "42", "Ada").orElseThrow();

        assertThat(store.isApproved("telegram", "42")).isFalse();
        assertThat(store.approve("telegram", code.toLowerCase()))
                .isEqualTo(new PairingStore.Approval.Approved("telegram", "42", "Ada"));
        assertThat(store.isApproved("telegram", "42")).isTrue();
        assertThat(store.approve("telegram", code)).isEqualTo(new PairingStore.Approval.Invalid());
        assertThat(store.approved()).extracting(PairingStore.ApprovedUser::userId).containsExactly("42");
    }

    @Test
    void filesArePrivateAndNeverHoldTheCode() throws IOException {
        String code = store.requestCode("telegram", "42", "").orElseThrow();

        for (String name : new String[] {"telegram-pending.json", "_rate_limits.json"}) {
            Path file = directory.resolve(name);
            assertThat(Files.readString(file)).doesNotContain(code);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(Files.readString(directory.resolve("telegram-pending.json"))).contains("\"hash\"", "\"salt\"",
                "\"user_id\" : \"42\"");
    }

    @Test
    void aCodeExpiresAfterAnHour() throws IOException {
        String code = store.requestCode("telegram", "42", "").orElseThrow();
        time.advance(Duration.ofMinutes(61));

        assertThat(store.approve("telegram", code)).isEqualTo(new PairingStore.Approval.Invalid());
        assertThat(store.pending()).isEmpty();
    }

    @Test
    void aUserGetsOneCodePerTenMinutes() throws IOException {
        assertThat(store.requestCode("telegram", "42", "")).isPresent();
        time.advance(Duration.ofMinutes(9));
        assertThat(store.requestCode("telegram", "42", "")).isEmpty();
        time.advance(Duration.ofMinutes(2));
        assertThat(store.requestCode("telegram", "42", "")).isPresent();
    }

    @Test
    void aPlatformHasAtMostThreePendingCodes() throws IOException {
        for (String user : new String[] {"1", "2", "3"}) {
            assertThat(store.requestCode("telegram", user, "")).isPresent();
        }

        assertThat(store.requestCode("telegram", "4", "")).isEmpty();
        assertThat(store.requestCode("email", "4", "")).as("other platforms have their own limit").isPresent();
        assertThat(store.pending()).hasSize(4);
    }

    @Test
    void fiveWrongCodesLockApprovalsForAnHour() throws IOException {
        String code = store.requestCode("telegram", "42", "").orElseThrow();
        for (int i = 0; i < 5; i++) {
            assertThat(store.approve("telegram", "WRONGXYZ")).isEqualTo(new PairingStore.Approval.Invalid());
        }

        assertThat(store.approve("telegram", code)).isInstanceOf(PairingStore.Approval.LockedOut.class);
        assertThat(store.requestCode("telegram", "43", "")).as("no new codes while locked").isEmpty();
        time.advance(Duration.ofMinutes(59));
        assertThat(store.approve("telegram", code)).isInstanceOf(PairingStore.Approval.LockedOut.class);
        time.advance(Duration.ofMinutes(2));
        assertThat(store.approve("telegram", code)).isInstanceOf(PairingStore.Approval.Invalid.class);
    }

    @Test
    void aRightCodeResetsTheCountOfWrongOnes() throws IOException {
        String first = store.requestCode("telegram", "1", "").orElseThrow();
        String second = store.requestCode("telegram", "2", "").orElseThrow();
        for (int i = 0; i < 4; i++) {
            store.approve("telegram", "WRONGXYZ");
        }
        store.approve("telegram", first);
        for (int i = 0; i < 4; i++) {
            store.approve("telegram", "WRONGXYZ");
        }

        assertThat(store.approve("telegram", second)).isInstanceOf(PairingStore.Approval.Approved.class);
    }

    @Test
    void revokeRemovesAnApprovedUser() throws IOException {
        store.approve("telegram", store.requestCode("telegram", "42", "").orElseThrow());

        assertThat(store.revoke("telegram", "42")).isTrue();
        assertThat(store.revoke("telegram", "42")).isFalse();
        assertThat(store.isApproved("telegram", "42")).isFalse();
    }

    @Test
    void platformNamesCannotReachOutsideTheDirectory() {
        assertThatThrownBy(() -> store.requestCode("../evil", "42", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a platform name");
    }
}
