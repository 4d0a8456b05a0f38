package hermes.plugin.tools.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks shared by the tools before they read a file. */
final class FileChecks {

    /** How much of a file is sniffed for NUL bytes; the same window git and ripgrep use. */
    static final int BINARY_SNIFF_BYTES = 8192;

    private FileChecks() {
    }

    /** True when the first 8 KB hold a NUL byte: text files never do, nearly all binary formats do. */
    static boolean isBinary(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(BINARY_SNIFF_BYTES);
            for (byte b : head) {
                if (b == 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
