package hermes.plugin.gateway.internal;

import java.time.Duration;

/** Durations as people read them: {@code 45 s}, {@code 3 min 20 s}, {@code 2 h 5 min}. */
final class Durations {

    private Durations() {
    }

    static String human(Duration duration) {
        long seconds = Math.max(0, (duration.toMillis() + 999) / 1000);
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
        }
        long minutes = seconds / 60;
        return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }
}
