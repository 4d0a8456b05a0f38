package hermes.api;

import java.util.Objects;

/**
 * One part of a message's content. A closed set: text, image, audio and file parts map one to one onto the original's
 * {@code messages} columns and the providers' multimodal formats.
 */
public sealed interface ContentPart {

    /** Plain text. */
    record Text(String text) implements ContentPart {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * An image, by URL ({@code https:}, {@code file:} or a {@code data:} URL with base64 content).
     *
     * @param mediaType for example {@code image/png}
     */
    record Image(String mediaType, String url) implements ContentPart {
        public Image {
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(url, "url");
        }
    }

    /** An audio clip, by URL as for {@link Image}. */
    record Audio(String mediaType, String url) implements ContentPart {
        public Audio {
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(url, "url");
        }
    }

    /** Any other file the user attached, by URL as for {@link Image}. */
    record File(String name, String mediaType, String url) implements ContentPart {
        public File {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(url, "url");
        }
    }
}
