package hermes.plugin.gateway.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import hermes.api.Caller;
import hermes.api.Command;
import hermes.api.Event;
import hermes.api.Session;
import hermes.api.Submission.ApprovalAnswer.Decision;

/**
 * Slash commands typed in a chat: the gateway's own ({@code /new}, {@code /reset}, {@code /stop},
 * {@code /approve [session|always]}, {@code /deny}, {@code /status}, {@code /help}), then every registered command
 * that is not CLI-only, run with a context whose replies go to the chat. {@code /stop}, {@code /approve} and
 * {@code /deny} act on the running turn, so they never wait behind it. Text that names no command ({@code /etc/hosts
 * is empty}) is not a command: it goes to the agent.
 */
final class ChatCommands {

    /**
     * Where a command was typed.
     *
     * @param key the chat's session key
     * @param caller the (authorised) sender
     * @param replyTo the message that carried the command
     */
    record Invocation(String key, Caller caller, ChatType type, ReplyTarget target, Optional<String> replyTo) {
    }

    private static final String BUILT_IN_HELP = """
            /new (or /reset) — start a new conversation
            /stop — stop the running turn
            /approve [session|always] — run the command waiting for approval
            /deny — refuse it
            /status — this chat's session
            /help — this list""";

    private final Conversations conversations;
    private final CommandCatalog catalog;
    private final OutboxSender outbox;

    ChatCommands(Conversations conversations, CommandCatalog catalog, OutboxSender outbox) {
        this.conversations = conversations;
        this.catalog = catalog;
        this.outbox = outbox;
    }

    /** Runs {@code text} as a slash command; false when it names none. */
    boolean dispatch(String text, Invocation at) {
        if (!text.startsWith("/")) {
            return false;
        }
        String body = text.substring(1);
        int space = indexOfWhitespace(body);
        String name = (space < 0 ? body : body.substring(0, space)).toLowerCase(Locale.ROOT);
        String arguments = space < 0 ? "" : body.substring(space).strip();
        int mention = name.indexOf('@');
        if (mention >= 0) {
            // Telegram addresses commands to a bot in groups: /status@my_hermes_bot
            name = name.substring(0, mention);
        }
        if (name.isEmpty() || name.contains("/")) {
            return false;
        }
        switch (name) {
            case "new", "reset" -> {
                conversations.reset(at.key(), at.caller(), at.type(), at.target());
                reply(at, "✨ Started a new conversation.");
            }
            case "stop" -> reply(at, conversations.find(at.key()).filter(ChatConversation::interrupt).isPresent()
                    ? "⏹ Stopped the running turn." : "Nothing is running.");
            case "approve" -> approve(arguments, at);
            case "deny" -> answer(Decision.DENY, at);
            case "status" -> reply(at, status(at));
            case "help" -> reply(at, help());
            default -> {
                Optional<Command> command = catalog.find(name);
                if (command.isEmpty()) {
                    return false;
                }
                run(command.get(), arguments, at);
            }
        }
        return true;
    }

    private void approve(String arguments, ChatCommands.Invocation at) {
        Decision decision = switch (arguments.toLowerCase(Locale.ROOT)) {
            case "", "once" -> Decision.ONCE;
            case "session" -> Decision.SESSION;
            case "always" -> Decision.ALWAYS;
            default -> null;
        };
        if (decision == null) {
            reply(at, "usage: /approve [session|always] — once is the default");
            return;
        }
        answer(decision, at);
    }

    private void answer(Decision decision, Invocation at) {
        Optional<ChatConversation> chat = conversations.find(at.key());
        Optional<Event.ApprovalRequested> request = chat.flatMap(ChatConversation::takeApproval);
        if (request.isEmpty()) {
            reply(at, "Nothing is waiting for approval.");
            return;
        }
        // confirmed before the answer goes in, so the chat reads the confirmation before the turn's result
        reply(at, switch (decision) {
            case ONCE -> "✅ Approved once: ";
            case SESSION -> "✅ Approved for this conversation: ";
            case ALWAYS -> "✅ Approved from now on: ";
            case DENY -> "❌ Denied: ";
        } + request.get().command());
        chat.get().answer(request.get(), decision);
    }

    private String status(Invocation at) {
        Optional<ChatConversation> chat = conversations.find(at.key());
        StringBuilder text = new StringBuilder("Session key: ").append(at.key());
        Optional<String> sessionId = chat.flatMap(ChatConversation::openSessionId);
        text.append("\nSession: ").append(sessionId.orElse("none open (the next message opens it)"));
        if (sessionId.isPresent()) {
            Session session = chat.get().session();
            text.append("\nModel: ").append(session.model());
            text.append("\nTokens so far: ").append(session.usage().inputTokens() + session.usage().outputTokens());
        }
        boolean busy = chat.map(ChatConversation::busy).orElse(false);
        text.append("\nState: ").append(busy ? "running a turn" : "idle");
        int approvals = chat.map(ChatConversation::pendingApprovals).orElse(0);
        if (approvals > 0) {
            text.append(" — ").append(approvals).append(" approval(s) waiting: /approve or /deny");
        }
        return text.toString();
    }

    private String help() {
        String registered = catalog.available().stream().map(command -> "/" + command.name() + " — "
                + command.description()).collect(Collectors.joining("\n"));
        return BUILT_IN_HELP + (registered.isEmpty() ? "" : "\n" + registered);
    }

    private void run(Command command, String arguments, Invocation at) {
        Command.Context context = new Command.Context() {
            @Override
            public Optional<Session> session() {
                return Optional.of(conversations.prepare(at.key(), at.caller(), at.type(), at.target()).session());
            }

            @Override
            public Caller caller() {
                return at.caller();
            }

            @Override
            public void reply(String text) {
                ChatCommands.this.reply(at, text);
            }
        };
        try {
            command.run(arguments, context);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError e) {
            String message = e.getMessage();
            reply(at, "/" + command.name() + " failed: " + (message == null || message.isBlank()
                    ? e.getClass().getSimpleName() : message));
        }
    }

    private void reply(Invocation at, String text) {
        outbox.send(at.target().platform(), at.target().message(text, at.replyTo()));
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
