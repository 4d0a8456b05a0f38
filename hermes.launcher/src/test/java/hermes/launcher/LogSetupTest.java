package hermes.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSetupTest {

    @TempDir
    Path dir;

    @Test
    void twoProcessesWritingTheSameLogAppendWholeLinesToOneFile() throws Exception {
        Path file = dir.resolve("hermes.log");
        LogSetup.AppendingHandler gateway = new LogSetup.AppendingHandler(new FileOutputStream(file.toFile(), true));
        LogSetup.AppendingHandler oneShot = new LogSetup.AppendingHandler(new FileOutputStream(file.toFile(), true));

        gateway.publish(record(Level.INFO, "gateway", "Telegram connected as {0}", "@bot"));
        oneShot.publish(record(Level.WARNING, "cli", "plain text", null));
        LogRecord failed = record(Level.SEVERE, "store", "write failed", null);
        failed.setThrown(new IllegalStateException("disk full"));
        gateway.publish(failed);
        oneShot.publish(record(Level.FINE, "cli", "below INFO: not written", null));
        gateway.close();
        oneShot.close();

        var lines = Files.readAllLines(file);
        assertThat(lines.get(0)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} INFO gateway: Telegram connected as @bot");
        assertThat(lines.get(1)).endsWith(" WARNING cli: plain text");
        assertThat(lines.get(2)).endsWith(" SEVERE store: write failed");
        assertThat(lines.get(3)).isEqualTo("java.lang.IllegalStateException: disk full");
        assertThat(lines).noneMatch(line -> line.contains("below INFO"));
    }

    private static LogRecord record(Level level, String logger, String message, Object parameter) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName(logger);
        if (parameter != null) {
            record.setParameters(new Object[] {parameter});
        }
        return record;
    }
}
