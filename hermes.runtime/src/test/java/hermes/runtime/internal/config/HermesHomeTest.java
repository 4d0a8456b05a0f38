package hermes.runtime.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HermesHomeTest {

    @TempDir
    Path root;

    @Test
    void ensureLayoutCreatesTheOriginalsDirectoriesConfigAndEnv() throws IOException {
        HermesHome home = new HermesHome(root);

        home.ensureLayout();

        try (Stream<Path> children = Files.list(root)) {
            assertThat(children.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(Stream.concat(HermesHome.DIRECTORIES.stream(), Stream.of(".env", "config.yaml"))
                            .sorted().toList());
        }
        assertThat(HermesHome.DIRECTORIES).allSatisfy(dir -> assertThat(root.resolve(dir)).isDirectory());
        assertThat(Files.readAllBytes(home.config())).isEqualTo(template("default-config.yaml"));
        assertThat(Files.readAllBytes(home.env())).isEqualTo(template("default-env"));
        assertThat(home.plugins()).isEqualTo(root.resolve("plugins"));
        assertThat(home.logs()).isEqualTo(root.resolve("logs"));
    }

    @Test
    void ensureLayoutNeverOverwritesAnExistingConfigOrEnv() throws IOException {
        HermesHome home = new HermesHome(root);
        Files.writeString(home.config(), "agent:\n  max_turns: 7\n");
        Files.writeString(home.env(), "OPENAI_API_KEY=sk-mine\n");

        home.ensureLayout();
        home.ensureLayout();

        assertThat(Files.readString(home.config())).isEqualTo("agent:\n  max_turns: 7\n");
        assertThat(Files.readString(home.env())).isEqualTo("OPENAI_API_KEY=sk-mine\n");
        assertThat(HermesHome.DIRECTORIES).allSatisfy(dir -> assertThat(root.resolve(dir)).isDirectory());
    }

    @Test
    void ensureLayoutKeepsWhatIsInsideExistingDirectories() throws IOException {
        HermesHome home = new HermesHome(root);
        Path memory = root.resolve("memories").resolve("MEMORY.md");
        Files.createDirectories(memory.getParent());
        Files.writeString(memory, "remember this\n");

        home.ensureLayout();

        try (Stream<Path> memories = Files.list(root.resolve("memories"))) {
            assertThat(memories.toList()).isEqualTo(List.of(memory));
        }
        assertThat(Files.readString(memory)).isEqualTo("remember this\n");
    }

    static byte[] template(String name) throws IOException {
        try (InputStream in = HermesHome.class.getResourceAsStream(name)) {
            assertThat(in).as("template %s", name).isNotNull();
            return in.readAllBytes();
        }
    }
}
