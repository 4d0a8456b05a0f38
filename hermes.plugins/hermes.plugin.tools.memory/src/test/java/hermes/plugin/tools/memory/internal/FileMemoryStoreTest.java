package hermes.plugin.tools.memory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.api.MemoryStore.Target;

class FileMemoryStoreTest {

    static final Path FIXTURES = Path.of("/work/shared/reference/fixtures/hermes-home/memories");

    @TempDir
    Path home;

    /** Copies the original's MEMORY.md and USER.md into {@code home}. */
    static void copyFixtures(Path home) throws IOException {
        Path memories = Files.createDirectories(home.resolve("memories"));
        for (String name : List.of("MEMORY.md", "USER.md")) {
            Files.copy(FIXTURES.resolve(name), memories.resolve(name));
        }
    }

    private FileMemoryStore store() {
        return new FileMemoryStore(home, MemoryLimits.DEFAULTS);
    }

    @Test
    void readingAndWritingTheOriginalsFilesUnchangedKeepsEveryByte() throws IOException {
        copyFixtures(home);
        FileMemoryStore store = store();

        for (Target target : Target.values()) {
            store.write(target, store.read(target));
        }

        assertThat(home.resolve("memories/MEMORY.md")).hasSameBinaryContentAs(FIXTURES.resolve("MEMORY.md"));
        assertThat(home.resolve("memories/USER.md")).hasSameBinaryContentAs(FIXTURES.resolve("USER.md"));
    }

    @Test
    void readSplitsTheOriginalsFileIntoItsEntries() throws IOException {
        copyFixtures(home);

        assertThat(store().read(Target.MEMORY)).containsExactly(
                "Repo uses Java 21 and Maven; run ./mvnw verify before pushing.",
                "Staging DB is Postgres 16 on port 5433.");
        assertThat(store().read(Target.USER)).containsExactly("User is Ada; likes terse answers; works UTC+1.");
    }

    @Test
    void readTrimsEntriesDropsEmptyOnesAndKeepsTheFirstOfDuplicates() throws IOException {
        write("MEMORY.md", "  one \n§\n\n§\ntwo\n§\none\n§\nsection § sign stays\n");

        assertThat(store().read(Target.MEMORY)).containsExactly("one", "two", "section § sign stays");
    }

    @Test
    void missingFilesAreEmptyStoresAndAnEmptyStoreIsAnEmptyFile() throws IOException {
        FileMemoryStore store = store();

        assertThat(store.read(Target.USER)).isEmpty();
        store.write(Target.USER, List.of());

        assertThat(home.resolve("memories/USER.md")).hasContent("");
    }

    @Test
    void writeJoinsEntriesWithTheSectionSignLineAndLeavesNoTemporaryFiles() throws IOException {
        FileMemoryStore store = store();
        store.read(Target.MEMORY);

        store.write(Target.MEMORY, List.of("first\nwith two lines", "second"));

        assertThat(Files.readString(home.resolve("memories/MEMORY.md"))).isEqualTo("first\nwith two lines\n§\nsecond");
        try (Stream<Path> files = Files.list(home.resolve("memories"))) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("MEMORY.md", "MEMORY.md.lock");
        }
    }

    @Test
    void writeRefusesAnEntryThatWouldReadBackDifferently() {
        assertThatThrownBy(() -> store().write(Target.MEMORY, List.of(" padded ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trim it");
        assertThatThrownBy(() -> store().write(Target.MEMORY, List.of("a\n§\nb")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("split it");
    }

    @Test
    void writeFailsWhenAnotherStoreChangedTheFileSinceThisThreadReadIt() throws IOException {
        copyFixtures(home);
        FileMemoryStore first = store();
        FileMemoryStore second = store();
        List<String> seenByFirst = first.read(Target.USER);
        second.read(Target.USER);
        second.write(Target.USER, List.of("User is Ada.", "Prefers tea."));

        assertThatThrownBy(() -> first.write(Target.USER, seenByFirst)).isInstanceOf(MemoryConflictException.class)
                .hasMessageContaining("USER.md changed on disk after it was read");

        assertThat(Files.readString(home.resolve("memories/USER.md"))).isEqualTo("User is Ada.\n§\nPrefers tea.");
        first.read(Target.USER);
        first.write(Target.USER, List.of("User is Ada."));
        assertThat(Files.readString(home.resolve("memories/USER.md"))).isEqualTo("User is Ada.");
    }

    @Test
    void writeRefusesAFileThatDoesNotRoundTripAndKeepsABackup() throws IOException {
        String foreign = "tool entry\n\n\n§\nhand-edited entry\n";
        write("MEMORY.md", foreign);
        FileMemoryStore store = store();
        store.read(Target.MEMORY);

        assertThatThrownBy(() -> store.write(Target.MEMORY, List.of("tool entry")))
                .isInstanceOf(MemoryDriftException.class)
                .hasMessageStartingWith("Refusing to write MEMORY.md: the file does not round-trip");

        assertThat(Files.readString(home.resolve("memories/MEMORY.md"))).isEqualTo(foreign);
        assertThat(backups()).singleElement().satisfies(backup -> {
            assertThat(backup.getFileName().toString()).matches("MEMORY\\.md\\.bak\\.\\d{10,}");
            assertThat(backup).hasContent(foreign);
        });
    }

    @Test
    void writeRefusesAFileWithAnEntryLongerThanTheWholeStoreAndKeepsABackup() throws IOException {
        String appended = "short entry\n§\n" + "x".repeat(1376);
        write("USER.md", appended);
        FileMemoryStore store = store();
        store.read(Target.USER);

        assertThatThrownBy(() -> store.write(Target.USER, List.of("short entry")))
                .isInstanceOf(MemoryDriftException.class)
                .hasMessageContaining("one entry has 1376 chars, more than the whole store's limit of 1375");

        assertThat(Files.readString(home.resolve("memories/USER.md"))).isEqualTo(appended);
        assertThat(backups()).singleElement().satisfies(backup -> assertThat(backup).hasContent(appended));
    }

    @Test
    void aFileThatOnlyGainedATrailingNewlineIsNoDrift() throws IOException {
        write("MEMORY.md", "one\n§\ntwo\n");
        FileMemoryStore store = store();

        store.write(Target.MEMORY, store.read(Target.MEMORY));

        assertThat(Files.readString(home.resolve("memories/MEMORY.md"))).isEqualTo("one\n§\ntwo");
        assertThat(backups()).isEmpty();
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(Files.createDirectories(home.resolve("memories")).resolve(name), text, StandardCharsets.UTF_8);
    }

    private List<Path> backups() throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("memories"))) {
            return files.filter(file -> file.getFileName().toString().contains(".bak.")).toList();
        }
    }
}
