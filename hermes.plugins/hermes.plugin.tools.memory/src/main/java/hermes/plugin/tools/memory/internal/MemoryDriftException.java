package hermes.plugin.tools.memory.internal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A write was refused because the file on disk holds content the entry format would lose (something other than the
 * memory tool edited it); the file was copied to {@link #backup()} first and left as it was.
 */
final class MemoryDriftException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final transient Path backup;

    MemoryDriftException(Path file, Path backup, String reason) {
        super("Refusing to write " + file.getFileName() + ": " + reason + " (likely the patch tool, a shell append, "
                + "a manual edit or another session wrote to it). A snapshot was saved to " + backup + ". Resolve the "
                + "drift first: rewrite the file as a clean list of entries separated by lines holding only §, or move "
                + "the extra content out; then retry. This guard prevents silent data loss.");
        this.file = file;
        this.backup = backup;
    }

    Path file() {
        return file;
    }

    Path backup() {
        return backup;
    }
}
