package hermes.plugin.cron.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import hermes.api.AgentRuntime;
import hermes.api.Caller;
import hermes.api.Event;
import hermes.api.Session;
import hermes.api.SessionSpec;
import hermes.api.Submission;

/**
 * Runs one job as a fresh agent session with no history (reference §13): the caller is {@code cron} with trust
 * {@link Caller.Trust#SCHEDULED} (so every approval is denied), the {@code cronjob} toolset is disabled for the session,
 * the job's model and toolsets apply, and its skills come first in the one user message, then the prompt.
 *
 * <p>Threading: any thread; one call per job run.
 */
final class JobRunner {

    /** What a run gave: the final answer, or why there is none. */
    record Outcome(String answer, Optional<String> error) {
        static Outcome failed(String error) {
            return new Outcome("", Optional.of(error));
        }
    }

    private final AgentRuntime runtime;
    private final CronSettings settings;

    JobRunner(AgentRuntime runtime, CronSettings settings) {
        this.runtime = runtime;
        this.settings = settings;
    }

    /** Runs {@code job} to its final answer; never throws for a failing run, which comes back as its error. */
    Outcome run(CronJob job, String deliveryTarget) throws InterruptedException {
        for (String option : CronJob.UNSUPPORTED) {
            Object value = job.fields().get(option);
            if (value != null && !Boolean.FALSE.equals(value) && !(value instanceof List<?> list && list.isEmpty())) {
                return Outcome.failed("the job uses '" + option + "', which this version does not run; edit the job"
                        + " to put those steps into its prompt");
            }
        }
        List<String> skills = new ArrayList<>();
        for (String name : job.skills()) {
            Optional<String> content = skill(name);
            if (content.isEmpty()) {
                return Outcome.failed("the skill '" + name + "' is not installed (no skills/**/" + name
                        + "/SKILL.md); install it or remove it from the job with cron edit --clear-skills");
            }
            skills.add(CronPrompt.skill(name, content.get()));
        }
        String message = CronPrompt.message(skills, job.prompt(), deliveryTarget);
        try (Session session = runtime.open(spec(job))) {
            return await(session, message);
        } catch (RuntimeException e) {
            return Outcome.failed("the agent session failed: " + e.getClass().getSimpleName() + ": "
                    + e.getMessage());
        }
    }

    private SessionSpec spec(CronJob job) {
        Caller caller = new Caller("cron", Optional.of(job.id()), Optional.empty(), Optional.empty(),
                Caller.Trust.SCHEDULED);
        Optional<String> model = job.text(CronJob.MODEL).map(name -> job.text(CronJob.PROVIDER)
                .filter(provider -> !name.contains(":")).map(provider -> provider + ":" + name).orElse(name));
        List<String> toolsets = job.enabledToolsets().stream()
                .filter(toolset -> !toolset.equals(CronJobTool.TOOLSET)).toList();
        // the session override replaces the configured list, so the configured entries are carried over
        Map<String, String> overrides = Map.of(CronSettings.DISABLED_TOOLSETS, settings.disabledToolsetsForJobs());
        return new SessionSpec(caller, model, toolsets, Optional.empty(), Optional.empty(), 0, overrides,
                Optional.empty());
    }

    private Outcome await(Session session, String message) throws InterruptedException {
        CompletableFuture<Event.TurnFinished> finished = new CompletableFuture<>();
        AtomicReference<String> lastError = new AtomicReference<>();
        try (AutoCloseable subscription = session.subscribe(event -> {
            switch (event.payload()) {
                case Event.TurnFinished done -> finished.complete(done);
                case Event.Error error -> lastError.set(error.message());
                default -> {
                }
            }
        })) {
            session.submit(Submission.UserTurn.text(message));
            Optional<Duration> timeout = settings.timeout();
            Event.TurnFinished done = timeout.isPresent()
                    ? finished.get(timeout.get().toMillis(), TimeUnit.MILLISECONDS) : finished.get();
            return switch (done.reason()) {
                case "stop", "max_turns" -> new Outcome(done.answer(), Optional.empty());
                default -> Outcome.failed("the run ended with '" + done.reason() + "'"
                        + Optional.ofNullable(lastError.get()).map(error -> ": " + error).orElse(""));
            };
        } catch (TimeoutException e) {
            session.submit(new Submission.Interrupt());
            return Outcome.failed("the run took longer than " + settings.timeout().map(limit -> limit.toMillis()
                    / 1000.0).orElse(0.0) + " s and was stopped; raise " + CronSettings.TIMEOUT_SECRET
                    + " or split the task");
        } catch (ExecutionException e) {
            return Outcome.failed("the run failed: " + e.getCause());
        } catch (InterruptedException e) {
            session.submit(new Submission.Interrupt());
            throw e;
        } catch (Exception closing) {
            return Outcome.failed("the run's events could not be read: " + closing.getMessage());
        }
    }

    /** {@code $HERMES_HOME/skills/**}{@code /<name>/SKILL.md}, the first found in path order. */
    private Optional<String> skill(String name) {
        Path skills = settings.configuration().home().resolve("skills");
        if (!Files.isDirectory(skills) || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(skills, 4)) {
            Optional<Path> file = files.filter(path -> path.getFileName().toString().equals("SKILL.md")
                    && path.getParent().getFileName().toString().equals(name)).sorted().findFirst();
            return file.isEmpty() ? Optional.empty() : Optional.of(Files.readString(file.get()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
