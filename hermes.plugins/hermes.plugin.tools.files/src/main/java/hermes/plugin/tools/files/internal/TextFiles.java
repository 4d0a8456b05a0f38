package hermes.plugin.tools.files.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a file that is about to be edited, refusing what an edit could not write back unchanged. */
final class TextFiles {

    private TextFiles() {
    }

    /**
     * The file's text, strictly decoded as UTF-8.
     *
     * @throws IllegalArgumentException when the file is missing, a directory, binary or not UTF-8; the message says
     *     what to do instead
     */
    static String readForEdit(String argument, Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(argument + " is a directory; patch edits one file");
        }
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(SimilarNames.missingFileMessage(argument, file)
                    + " To create a new file, use write_file.");
        }
        if (FileChecks.isBinary(file)) {
            throw new IllegalArgumentException(argument + " is a binary file (it contains NUL bytes); patch edits text");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(argument + " is not valid UTF-8, so patch cannot keep its other bytes "
                    + "intact; edit it with a terminal command instead");
        }
    }
}
