package hermes.runtime.internal.core;

import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Session ids in the original's format: {@code YYYYMMDD_HHMMSS_<6 hex>}, local time. */
final class SessionIds {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");
    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionIds() {
    }

    static String next() {
        byte[] bytes = new byte[3];
        RANDOM.nextBytes(bytes);
        return STAMP.format(LocalDateTime.now()) + "_" + HexFormat.of().formatHex(bytes);
    }
}
