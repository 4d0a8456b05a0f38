package hermes.plugin.gateway.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * When a chat's conversation expires and the next message starts a new one (config {@code session_reset:}).
 *
 * @param mode which rules apply
 * @param atHour the local hour of the daily reset (0–23)
 * @param idleMinutes how long a conversation may be idle
 * @param announce whether the chat is told, once, that a new conversation started
 */
record ResetPolicy(Mode mode, int atHour, int idleMinutes, boolean announce) {

    /** The original's defaults: both rules, 4 o'clock, 1440 minutes, with a notice. */
    static final ResetPolicy DEFAULT = new ResetPolicy(Mode.BOTH, 4, 1440, true);

    enum Mode {
        DAILY, IDLE, BOTH, NONE;

        static Mode parse(String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "daily" -> DAILY;
                case "idle" -> IDLE;
                case "none", "off", "false" -> NONE;
                default -> BOTH;
            };
        }
    }

    /** Why a conversation expired. */
    enum Reason { IDLE, DAILY }

    ResetPolicy {
        Objects.requireNonNull(mode, "mode");
    }

    /** Why a conversation last active at {@code lastActivity} has expired by {@code now}, if it has. */
    Optional<Reason> expiry(Instant lastActivity, Instant now, ZoneId zone) {
        if ((mode == Mode.IDLE || mode == Mode.BOTH)
                && Duration.between(lastActivity, now).compareTo(Duration.ofMinutes(idleMinutes)) >= 0) {
            return Optional.of(Reason.IDLE);
        }
        if (mode == Mode.DAILY || mode == Mode.BOTH) {
            ZonedDateTime local = now.atZone(zone);
            ZonedDateTime boundary = local.toLocalDate().atTime(atHour, 0).atZone(zone);
            if (boundary.isAfter(local)) {
                boundary = boundary.minusDays(1);
            }
            if (lastActivity.isBefore(boundary.toInstant())) {
                return Optional.of(Reason.DAILY);
            }
        }
        return Optional.empty();
    }

    /** The one-time notice for the chat. */
    String notice(Reason reason) {
        String why = switch (reason) {
            case IDLE -> "the previous one was idle for " + idle() + " or more (session_reset.idle_minutes)";
            case DAILY -> "the daily reset at %02d:00 has passed (session_reset.at_hour)".formatted(atHour);
        };
        return "◐ Started a new conversation: " + why + ". The previous one stays in the session history.";
    }

    private String idle() {
        return idleMinutes % 60 == 0 ? idleMinutes / 60 + " h" : idleMinutes + " min";
    }
}
