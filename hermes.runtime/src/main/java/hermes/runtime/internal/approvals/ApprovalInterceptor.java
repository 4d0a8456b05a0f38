package hermes.runtime.internal.approvals;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import hermes.api.Caller;
import hermes.api.Submission.ApprovalAnswer.Decision;
import hermes.api.ToolInterceptor;
import hermes.api.ToolResult;
import hermes.runtime.internal.config.Settings;
import hermes.runtime.internal.core.CallContext;
import hermes.runtime.internal.core.PromptBuilder;
import hermes.runtime.internal.core.SessionPort;

/**
 * The approvals layer of the safety chain (reference §11), outermost around every tool call. Commands of the
 * {@code terminal} tool are classified: hardline ones never run; dangerous ones run only when YOLO is on
 * ({@code --yolo}, {@code /yolo}, {@code approvals.mode: off}, {@code HERMES_YOLO_MODE=1}), their pattern is in
 * {@code command_allowlist} or was approved for the session, the smart approver says APPROVE, or the user answers
 * once/session/always within {@code approvals.timeout} (60 s). Silence, a cancelled turn, a scheduled or untrusted
 * caller and a subagent all mean deny.
 *
 * <p>Registered with {@code hermes.safety=approvals}: without it the dispatcher refuses every mutating call.
 */
@Component(service = ToolInterceptor.class, property = "hermes.safety=approvals")
public final class ApprovalInterceptor implements ToolInterceptor {

    /** Backends that isolate commands in a container: the original skips the dangerous check there, not the hardline. */
    private static final Set<String> CONTAINER_BACKENDS = Set.of("docker", "singularity", "modal", "daytona");

    private final Settings settings;
    private final CommandClassifier classifier = new CommandClassifier();

    @Activate
    public ApprovalInterceptor(@Reference Settings settings) {
        this.settings = settings;
    }

    @Override
    public ToolResult intercept(Chain chain) throws InterruptedException {
        Optional<String> command = commandOf(chain);
        if (command.isEmpty()) {
            return chain.proceed(chain.call());
        }
        if (!(chain.context() instanceof CallContext context)) {
            return ToolResult.error("refused: the approvals check cannot see this call's session");
        }
        CommandVerdict verdict = classifier.classify(command.get());
        String description = verdict.description().orElse("");
        switch (verdict.verdict()) {
            case SAFE -> {
                return chain.proceed(chain.call());
            }
            case HARDLINE -> {
                return ToolResult.error("BLOCKED: " + description + ". This command is on the hardline list and never"
                        + " runs, not even with --yolo or approvals.mode off. Do not try to run it another way.");
            }
            default -> {
                Optional<String> refusal = decide(context, command.get(), verdict);
                return refusal.isEmpty() ? chain.proceed(chain.call()) : ToolResult.error(refusal.get());
            }
        }
    }

    /** Empty when the command may run; otherwise why not, for the model. */
    private Optional<String> decide(CallContext context, String command, CommandVerdict verdict)
            throws InterruptedException {
        SessionPort session = context.session();
        String key = verdict.pattern().orElse(verdict.description().orElse("dangerous command"));
        String description = verdict.description().orElse(key);
        String backend = text(session, "terminal.backend").orElse("local");
        if (CONTAINER_BACKENDS.contains(backend) || yolo(session) || allowlisted(key)
                || session.approvedPatterns().contains(key)) {
            return Optional.empty();
        }
        Caller.Trust trust = session.caller().trust();
        if (trust == Caller.Trust.SCHEDULED) {
            boolean approve = text(session, "approvals.cron_mode").orElse("deny").equals("approve");
            return approve ? Optional.empty() : denied(description, "scheduled jobs cannot ask for approval"
                    + " (approvals.cron_mode is deny)");
        }
        if (trust == Caller.Trust.UNTRUSTED) {
            return denied(description, "input from an untrusted source never approves commands");
        }
        if (session.depth() > 0 && !flag(session, "delegation.subagent_auto_approve")) {
            return denied(description, "subagents cannot ask for approval; report back and let the parent decide");
        }
        if (mode(session).equals("smart")) {
            String verdictWord = session.consult("approval", PromptBuilder.SMART_APPROVAL_SYSTEM,
                    PromptBuilder.smartApprovalRequest(command, description), 16, context.turn())
                    .orElse("ESCALATE").strip().toUpperCase(Locale.ROOT);
            if (verdictWord.startsWith("APPROVE")) {
                return Optional.empty();
            }
            if (verdictWord.startsWith("DENY")) {
                return denied(description, "the smart approver judged it unsafe");
            }
            // ESCALATE, an error or anything unexpected: a human decides
        }
        Duration timeout = Duration.ofSeconds(Math.max(1, integer(session, "approvals.timeout", 60)));
        Decision decision = session.approve(command, description, timeout, context.turn());
        switch (decision) {
            case ONCE -> {
                return Optional.empty();
            }
            case SESSION -> {
                session.approvedPatterns().add(key);
                return Optional.empty();
            }
            case ALWAYS -> {
                session.approvedPatterns().add(key);
                persist(key);
                return Optional.empty();
            }
            default -> {
                return denied(description, "the user denied it, or nobody answered within " + timeout.toSeconds()
                        + " s");
            }
        }
    }

    private static Optional<String> denied(String description, String why) {
        return Optional.of("Command denied (" + description + "): " + why + ". Do not retry it; explain what you"
                + " wanted to do, or find a safer way.");
    }

    private static Optional<String> commandOf(Chain chain) {
        if (!chain.spec().name().equals("terminal")) {
            return Optional.empty();
        }
        try {
            return chain.call().argument("command").filter(c -> !c.isBlank());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean yolo(SessionPort session) {
        return flag(session, "approvals.yolo") || mode(session).equals("off")
                || "1".equals(System.getenv("HERMES_YOLO_MODE"));
    }

    /** {@code approvals.mode}; YAML reads a bare {@code off} as false, which means off here too. */
    private static String mode(SessionPort session) {
        String mode = text(session, "approvals.mode").orElse("manual").toLowerCase(Locale.ROOT);
        return mode.equals("false") ? "off" : mode;
    }

    private boolean allowlisted(String key) {
        try {
            return settings.config().strings("command_allowlist").contains(key);
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code always}: the pattern key joins {@code command_allowlist} in config.yaml (written atomically). */
    private synchronized void persist(String key) {
        try {
            List<String> list = new ArrayList<>(settings.config().strings("command_allowlist"));
            if (!list.contains(key)) {
                list.add(key);
                settings.config().set("command_allowlist", JsonText.array(list));
            }
        } catch (IOException | RuntimeException e) {
            System.getLogger(ApprovalInterceptor.class.getName()).log(System.Logger.Level.WARNING,
                    "could not add '" + key + "' to command_allowlist", e);
        }
    }

    private static Optional<String> text(SessionPort session, String key) {
        return session.config(key).map(String::valueOf).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static boolean flag(SessionPort session, String key) {
        return text(session, key).map(Boolean::parseBoolean).orElse(false);
    }

    private static int integer(SessionPort session, String key, int fallback) {
        try {
            return text(session, key).map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
