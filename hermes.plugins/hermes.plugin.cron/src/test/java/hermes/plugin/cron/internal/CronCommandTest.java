package hermes.plugin.cron.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.api.Caller;
import hermes.api.Command;
import hermes.api.Session;
import hermes.testing.FakeConfiguration;

class CronCommandTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T11:00:00Z"), ZoneId.of("UTC"));

    @TempDir
    Path home;

    private CronHome cron;
    private CronCommand command;
    private final List<String> replies = new CopyOnWriteArrayList<>();

    private final Command.Context terminal = new Command.Context() {
        @Override
        public Optional<Session> session() {
            return Optional.empty();
        }

        @Override
        public Caller caller() {
            return Caller.localUser();
        }

        @Override
        public void reply(String text) {
            replies.add(text);
        }
    };

    @BeforeEach
    void setUp() {
        cron = new CronHome(new FakeConfiguration(home), CLOCK);
        command = new CronCommand(cron);
    }

    private String run(String arguments) throws Exception {
        replies.clear();
        command.run(arguments, terminal);
        assertThat(replies).hasSize(1);
        return replies.getFirst();
    }

    private CronJob only() throws Exception {
        assertThat(cron.store().jobs()).hasSize(1);
        return cron.store().jobs().getFirst();
    }

    @Test
    void createReadsTheScheduleByItsShapeWhenTheQuotesWereLost() throws Exception {
        assertThat(run("create every 2h check the disk --name disk --deliver telegram:5 --repeat 3"))
                .startsWith("Created job ").contains("'disk': every 120m").contains("delivers to telegram:5");
        CronJob job = only();
        assertThat(job.prompt()).isEqualTo("check the disk");
        assertThat(job.repeatTimes()).contains(3L);

        cron.editor().remove(job.id());
        run("create 0 9 * * mon-fri summarise the server's logs --skill ops,triage");
        assertThat(only().scheduleDisplay()).isEqualTo("0 9 * * mon-fri");
        assertThat(only().prompt()).isEqualTo("summarise the server's logs");
        assertThat(only().skills()).containsExactly("ops", "triage");

        cron.editor().remove(only().id());
        run("create 30m stretch");
        assertThat(only().scheduleDisplay()).isEqualTo("once in 30m");
        assertThat(only().deliver()).isEqualTo("local");
    }

    @Test
    void quotedSchedulesAndPromptsAreKeptWhole() throws Exception {
        run("add \"0 9 * * *\" 'say good morning' --name \"Morning hello\"");

        assertThat(only().scheduleDisplay()).isEqualTo("0 9 * * *");
        assertThat(only().prompt()).isEqualTo("say good morning");
        assertThat(only().name()).isEqualTo("Morning hello");
    }

    @Test
    void listEditPauseResumeRunAndRemoveDriveTheSameJobs() throws Exception {
        run("create every 1h ping the service --name ping");
        String id = only().id();

        assertThat(run("list")).contains(id + "  ping").contains("every 60m").contains("next run: 2026-03-10T12:00:00Z");
        assertThat(run("edit " + id + " --schedule every 2h --prompt ping it twice --clear-skills"))
                .startsWith("Updated: " + id);
        assertThat(only().prompt()).isEqualTo("ping it twice");
        assertThat(only().scheduleDisplay()).isEqualTo("every 120m");

        assertThat(run("pause ping")).startsWith("Paused: " + id).contains("paused");
        assertThat(run("")).contains("No active cron jobs");
        assertThat(run("list --all")).contains(id);
        assertThat(run("resume " + id)).startsWith("Resumed");
        assertThat(run("run " + id)).startsWith("Due now");
        assertThat(only().text(CronJob.NEXT_RUN_AT)).contains("2026-03-10T11:00:00Z");
        assertThat(run("remove " + id)).startsWith("Removed");
        assertThat(cron.store().jobs()).isEmpty();
    }

    @Test
    void mistakesAreAnsweredWithTheUsage() throws Exception {
        assertThat(run("create every 2h")).contains("needs a schedule and a prompt").contains("usage:");
        assertThat(run("create 1h cat ~/.env")).contains("read_secrets");
        assertThat(run("pause")).contains("which job?");
        assertThat(run("frobnicate")).contains("unknown subcommand 'frobnicate'");
        assertThat(run("create 1h x --colour red")).contains("unknown option '--colour'");
        assertThat(cron.store().jobs()).isEmpty();
        assertThat(command.cliOnly()).isTrue();
    }
}
