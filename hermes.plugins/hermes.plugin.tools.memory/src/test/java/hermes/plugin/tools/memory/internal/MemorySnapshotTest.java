package hermes.plugin.tools.memory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.api.MemoryStore.Target;

class MemorySnapshotTest {

    private static final String RULE = "══════════════════════════════════════════════";

    @Test
    void theOriginalsFilesRenderAsTheNotesBlockThenTheUserBlock(@TempDir Path home) throws IOException {
        FileMemoryStoreTest.copyFixtures(home);
        FileMemoryStore store = new FileMemoryStore(home, MemoryLimits.DEFAULTS);

        String snapshot = MemorySnapshot.render(store.read(Target.MEMORY), store.read(Target.USER));

        assertThat(RULE).hasSize(46);
        assertThat(snapshot).isEqualTo(RULE + "\n"
                + "MEMORY (your personal notes) [4% — 104/2,200 chars]\n"
                + RULE + "\n"
                + "Repo uses Java 21 and Maven; run ./mvnw verify before pushing.\n"
                + "§\n"
                + "Staging DB is Postgres 16 on port 5433.\n"
                + "\n"
                + RULE + "\n"
                + "USER PROFILE (who the user is) [3% — 46/1,375 chars]\n"
                + RULE + "\n"
                + "User is Ada; likes terse answers; works UTC+1.");
    }

    @Test
    void anEmptyStoreAddsNoBlock() {
        assertThat(MemorySnapshot.render(List.of(), List.of())).isEmpty();
        assertThat(MemorySnapshot.render(List.of(), List.of("Prefers tea."))).isEqualTo(RULE + "\n"
                + "USER PROFILE (who the user is) [0% — 12/1,375 chars]\n" + RULE + "\nPrefers tea.");
    }

    @Test
    void usageUsesTheGivenLimitsAndStopsAtAHundredPercent() {
        assertThat(MemorySnapshot.render(List.of("x".repeat(1500)), List.of(), 1000, 1375))
                .startsWith(RULE + "\nMEMORY (your personal notes) [100% — 1,500/1,000 chars]\n");
    }
}
