package hermes.plugin.tools.files.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so readers see either the old or the new content, never half of it: the bytes go to a temporary file
 * in the same directory (same file system, so the rename is atomic), which then replaces the target.
 */
final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Replaces or creates {@code target} with {@code bytes}, creating missing parent directories. An existing file keeps
     * its POSIX permissions; a symbolic link is followed, so the file it points to is written and the link stays.
     */
    static void write(Path target, byte[] bytes) throws IOException {
        Path file = Files.isSymbolicLink(target) && Files.exists(target) ? target.toRealPath() : target;
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = createSibling(directory, file.getFileName().toString());
        try {
            Files.write(temporary, bytes);
            copyPermissions(file, temporary);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    // Files.createTempFile would give the new file mode 0600; createFile keeps the umask's default like any editor.
    private static Path createSibling(Path directory, String name) throws IOException {
        while (true) {
            Path candidate = directory.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                    + ".tmp");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                // another writer picked the same name: draw again
            }
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        if (Files.exists(from) && Files.getFileAttributeView(from, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        }
    }
}
