package hermes.launcher;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import hermes.testing.FakeModelServer;
import hermes.testing.TelegramEmulator;

/**
 * What the Telegram launcher ITs share: a temporary {@code HERMES_HOME}, the fake model server, the Bot API emulator
 * and the gateway process, all stopped after each test.
 */
abstract class TelegramGatewayFixture {

    @TempDir
    Path home;
    final FakeModelServer server = new FakeModelServer().start();
    TelegramEmulator telegram;
    Process gateway;

    /** Starts the emulator; skips the test where node and npm are missing. */
    void startTelegram() throws Exception {
        assumeTrue(TelegramEmulator.available(), TelegramEmulator.UNAVAILABLE);
        telegram = TelegramEmulator.start();
    }

    @AfterEach
    void stopGatewayTelegramAndModel() throws Exception {
        HermesProcess.stopGateway(gateway);
        if (telegram != null) {
            telegram.close();
        }
        server.close();
    }
}
