package hermes.plugin.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import hermes.api.Command;

class CommandCatalogTest {

    @Test
    void findsByNameThenByAlias() {
        CommandCatalog catalog = new CommandCatalog();
        Command tools = new FakeCommand("tools", List.of("t"), "list the tools");
        catalog.add(tools);
        assertThat(catalog.find("tools")).containsSame(tools);
        assertThat(catalog.find("t")).containsSame(tools);
        catalog.remove(tools);
        assertThat(catalog.find("tools")).isEmpty();
    }

    @Test
    void helpListsOwnAndTrackedCommandsSorted() {
        CommandCatalog catalog = new CommandCatalog();
        catalog.add(new FakeCommand("tools", List.of(), "list the tools"));
        catalog.add(new FakeCommand("config", List.of("cfg"), "show the config"));
        // a plugin cannot take over the shell's own /help
        catalog.add(new FakeCommand("help", List.of(), "something else"));
        assertThat(CommandCatalog.help(catalog.entries())).isEqualTo(String.join("\n",
                "  /config, /cfg  show the config",
                "  /help          list the commands",
                "  /quit, /exit   leave Hermes",
                "  /tools         list the tools"));
    }

    @Test
    void awaitSeesACommandRegisteredLater() throws InterruptedException {
        CommandCatalog catalog = new CommandCatalog();
        Command doctor = new FakeCommand("doctor", List.of(), "check");
        Thread late = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            catalog.add(doctor);
        });
        late.start();
        assertThat(catalog.await("doctor", Duration.ofSeconds(5))).containsSame(doctor);
        late.join();
    }

    @Test
    void awaitGivesUpAfterTheTimeout() throws InterruptedException {
        long start = System.nanoTime();
        assertThat(new CommandCatalog().await("nothing", Duration.ofMillis(150))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    /** A command that answers its arguments, or fails with {@code failure} when set. */
    record FakeCommand(String name, List<String> aliases, String description, Optional<Exception> failure)
            implements Command {

        FakeCommand(String name, List<String> aliases, String description) {
            this(name, aliases, description, Optional.empty());
        }

        @Override
        public void run(String arguments, Context context) throws Exception {
            if (failure.isPresent()) {
                throw failure.get();
            }
            context.reply(name + " " + arguments + " (session: " + context.session().isPresent() + ", "
                    + context.caller().platform() + ")");
        }
    }
}
