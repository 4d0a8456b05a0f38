package hermes.plugin.tools.files.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ToolPathsTest {

    private final Path cwd = Path.of("/work/project");

    @Test
    void relativePathsStartAtTheWorkingDirectory() {
        assertThat(ToolPaths.resolve("src/../README.md", cwd)).isEqualTo(Path.of("/work/project/README.md"));
    }

    @Test
    void tildeIsTheUsersHome() {
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();

        assertThat(ToolPaths.resolve("~", cwd)).isEqualTo(home);
        assertThat(ToolPaths.resolve("~/notes/todo.md", cwd)).isEqualTo(home.resolve("notes/todo.md"));
    }

    @Test
    void pathsInsideTheWorkingDirectoryAreShownRelative() {
        assertThat(ToolPaths.display(Path.of("/work/project/src/A.java"), cwd)).isEqualTo("src/A.java");
        assertThat(ToolPaths.display(Path.of("/etc/hosts"), cwd)).isEqualTo("/etc/hosts");
    }

    @Test
    void anEmptyPathIsRefused() {
        assertThatThrownBy(() -> ToolPaths.resolve("  ", cwd)).hasMessageContaining("empty");
    }
}
