package hermes.plugin.cron.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import hermes.api.Caller;
import hermes.api.Tool;
import hermes.api.ToolCall;
import hermes.api.ToolContext;
import hermes.api.ToolResult;
import hermes.api.ToolSpec;

/**
 * {@code cronjob}: the model schedules, lists and manages jobs (reference §13, tool 24). A job created from a chat
 * remembers that chat as its origin, the default delivery target. Results are the original's JSON objects.
 *
 * <p>Refused inside a scheduled run (a job never schedules jobs; the scheduler also leaves the {@code cronjob} toolset
 * out of its sessions) and for untrusted callers (webhook content must not plant jobs that run with the owner's tools).
 */
@Component(service = Tool.class, property = {"hermes.id=cronjob", "hermes.toolset=cronjob"})
public final class CronJobTool implements Tool {

    static final String TOOLSET = "cronjob";
    private static final Set<String> NO_CHAT_PLATFORMS = Set.of("cli", "cron", "local", "acp");

    private static final ToolSpec SPEC = ToolSpec.of("cronjob", TOOLSET, """
            Schedule tasks that run later as a fresh agent with no memory of this conversation, and manage them. \
            Actions: create (prompt, schedule), list, update (job_id + fields to change), pause, resume, run (due \
            now: it runs within a minute while the gateway runs), remove. Schedules: '30m', '2h' or '1d' run ONCE \
            after that delay; 'every 30m' or 'every 2h' repeat; a cron expression like '0 9 * * *' repeats; an ISO \
            timestamp like '2026-02-03T14:00' runs once. The prompt must be self-contained: say exactly what to do \
            and what to report. deliver: 'origin' (this chat, the default from a chat), 'local' (only saved to a \
            file), a platform such as 'telegram' (its home channel) or 'telegram:<chat_id>[:<thread_id>]'. A run \
            whose answer starts with [SILENT] delivers nothing.""", """
            {"type":"object","properties":{\
            "action":{"type":"string","enum":["create","list","update","pause","resume","remove","run"]},\
            "job_id":{"type":"string","description":"the job for update, pause, resume, remove and run"},\
            "prompt":{"type":"string","description":"the self-contained task"},\
            "schedule":{"type":"string","description":"'30m' (once), 'every 2h', '0 9 * * *' or an ISO timestamp"},\
            "name":{"type":"string","description":"a short name for lists"},\
            "repeat":{"type":"integer","description":"how many runs in all; leave out to repeat forever"},\
            "deliver":{"type":"string","description":"origin, local, <platform> or <platform>:<chat_id>[:<thread_id>]"},\
            "skills":{"type":"array","items":{"type":"string"},\
            "description":"skills to load before the prompt, in order; [] on update clears them"},\
            "model":{"type":"object","properties":{"provider":{"type":"string"},"model":{"type":"string"}},\
            "description":"a model for this job's runs"},\
            "enabled_toolsets":{"type":"array","items":{"type":"string"},\
            "description":"toolsets the runs may use; leave out for the default"},\
            "include_disabled":{"type":"boolean","description":"list: also paused and completed jobs"},\
            "reason":{"type":"string","description":"pause: why"}},\
            "required":["action"]}""");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CronHome home;

    @Activate
    public CronJobTool(@Reference CronHome home) {
        this.home = home;
    }

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public boolean isMutating(ToolCall call) {
        try {
            return !call.argument("action").orElse("").equals("list");
        } catch (IllegalArgumentException malformed) {
            return true;
        }
    }

    @Override
    public ToolResult call(ToolCall call, ToolContext context) {
        Caller caller = context.caller();
        if (caller.trust() == Caller.Trust.SCHEDULED) {
            return failure("cronjob is not available inside a scheduled job: a job cannot create or change jobs");
        }
        if (caller.trust() == Caller.Trust.UNTRUSTED) {
            return failure("cronjob needs an authorised user; content from outside cannot schedule jobs");
        }
        try {
            Map<String, Object> arguments = call.parsedArguments();
            String action = text(arguments, "action").orElse("").toLowerCase(Locale.ROOT);
            JobEditor editor = home.editor();
            return switch (action) {
                case "create" -> created(editor.create(newJob(arguments, context)));
                case "list" -> list(arguments);
                case "update" -> done(editor.update(jobId(arguments), changes(arguments)), "updated");
                case "pause" -> done(editor.pause(jobId(arguments), text(arguments, "reason")), "paused");
                case "resume" -> done(editor.resume(jobId(arguments)), "resumed");
                case "run" -> done(editor.runNow(jobId(arguments)), "due now; it runs on the scheduler's next tick");
                case "remove" -> done(editor.remove(jobId(arguments)), "removed");
                default -> failure("unknown action '" + action + "': use create, list, update, pause, resume, run"
                        + " or remove");
            };
        } catch (IllegalArgumentException e) {
            return failure(e.getMessage());
        } catch (IOException e) {
            return failure("the jobs file cannot be used: " + e.getMessage());
        }
    }

    private JobEditor.NewJob newJob(Map<String, Object> arguments, ToolContext context) {
        refuseUnsupported(arguments);
        String prompt = text(arguments, "prompt").orElseThrow(() -> new IllegalArgumentException(
                "create needs a prompt: the self-contained task"));
        String schedule = text(arguments, "schedule").orElseThrow(() -> new IllegalArgumentException(
                "create needs a schedule: " + Schedule.HELP));
        Optional<String> model = model(arguments, "model");
        // a model without a provider is pinned to the provider in use now, so a later default change does not move it
        Optional<String> provider = model(arguments, "provider").or(() -> model.isEmpty() ? Optional.empty()
                : context.config("model.provider").map(String::valueOf));
        return new JobEditor.NewJob(prompt, schedule, text(arguments, "name"), number(arguments, "repeat"),
                text(arguments, "deliver"), strings(arguments, "skills").orElse(List.of()), model, provider,
                strings(arguments, "enabled_toolsets").orElse(List.of()), origin(context.caller()));
    }

    private static JobEditor.Changes changes(Map<String, Object> arguments) {
        refuseUnsupported(arguments);
        return new JobEditor.Changes(text(arguments, "prompt"), text(arguments, "schedule"), text(arguments, "name"),
                number(arguments, "repeat"), text(arguments, "deliver"), strings(arguments, "skills"),
                model(arguments, "model"), model(arguments, "provider"), strings(arguments, "enabled_toolsets"));
    }

    static Optional<CronJob.Origin> origin(Caller caller) {
        if (NO_CHAT_PLATFORMS.contains(caller.platform()) || caller.chatId().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CronJob.Origin(caller.platform(), caller.chatId(), caller.threadId()));
    }

    private ToolResult list(Map<String, Object> arguments) throws IOException {
        boolean all = Boolean.TRUE.equals(arguments.get("include_disabled"));
        List<Map<String, Object>> jobs = home.store().jobs().stream()
                .filter(job -> all || job.enabled()).map(JobSummary::of).toList();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("success", true);
        result.put("count", jobs.size());
        result.put("jobs", jobs);
        return ToolResult.ok(json(result));
    }

    private static ToolResult created(CronJob job) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("success", true);
        result.put("job_id", job.id());
        result.put("name", job.name());
        result.put("schedule", job.scheduleDisplay());
        result.put("repeat", JobSummary.repeat(job));
        result.put("deliver", job.deliver());
        result.put("next_run_at", job.fields().get(CronJob.NEXT_RUN_AT));
        result.put("job", JobSummary.of(job));
        result.put("message", "Cron job '" + job.name() + "' created.");
        return ToolResult.ok(json(result));
    }

    private static ToolResult done(CronJob job, String what) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("success", true);
        result.put("job", JobSummary.of(job));
        result.put("message", "Cron job '" + job.name() + "' " + what + ".");
        return ToolResult.ok(json(result));
    }

    private static ToolResult failure(String error) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("success", false);
        result.put("error", error);
        return ToolResult.error(json(result));
    }

    private static void refuseUnsupported(Map<String, Object> arguments) {
        for (String option : CronJob.UNSUPPORTED) {
            if (arguments.containsKey(option)) {
                throw new IllegalArgumentException("'" + option + "' is not supported by this version: put the"
                        + " steps into the prompt instead");
            }
        }
    }

    private static String jobId(Map<String, Object> arguments) {
        return text(arguments, "job_id").orElseThrow(() -> new IllegalArgumentException(
                "job_id is required for this action; list the jobs to see their ids"));
    }

    private static Optional<String> text(Map<String, Object> arguments, String key) {
        return Optional.ofNullable(arguments.get(key)).map(String::valueOf).map(String::strip)
                .filter(value -> !value.isEmpty());
    }

    private static Optional<Long> number(Map<String, Object> arguments, String key) {
        Object value = arguments.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Number n) {
            return Optional.of(n.longValue());
        }
        try {
            return Optional.of(Long.parseLong(String.valueOf(value).strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was '" + value + "'");
        }
    }

    private static Optional<List<String>> strings(Map<String, Object> arguments, String key) {
        Object value = arguments.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof List<?> list) {
            return Optional.of(list.stream().map(String::valueOf).map(String::strip).filter(s -> !s.isEmpty())
                    .toList());
        }
        return Optional.of(List.of(String.valueOf(value).strip()).stream().filter(s -> !s.isEmpty()).toList());
    }

    /** {@code model} as {@code {"provider": …, "model": …}} or a plain string; {@code part} picks which. */
    private static Optional<String> model(Map<String, Object> arguments, String part) {
        Object value = arguments.get("model");
        if (value instanceof Map<?, ?> map) {
            return Optional.ofNullable(map.get(part)).map(String::valueOf).map(String::strip)
                    .filter(s -> !s.isEmpty());
        }
        return part.equals("model") ? text(arguments, "model") : Optional.empty();
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tool result could not be written as JSON", e);
        }
    }
}
