package hermes.plugin.tools.memory.internal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A write was refused because another writer changed the file after this thread read it; read again, apply the change
 * to what is there now, and write again.
 */
final class MemoryConflictException extends IOException {

    private static final long serialVersionUID = 1L;

    MemoryConflictException(Path file) {
        super(file.getFileName() + " changed on disk after it was read (another session wrote to it); read it again "
                + "and repeat the change");
    }
}
