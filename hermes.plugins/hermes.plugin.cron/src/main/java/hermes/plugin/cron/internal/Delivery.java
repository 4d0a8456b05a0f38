package hermes.plugin.cron.internal;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import hermes.api.Channel;
import hermes.api.Messenger;

/**
 * Where a job's answer goes ({@code deliver}, reference §13) and the sending itself, through the gateway's
 * {@link Messenger} (its durable outbox). {@code origin} is the chat the job was created in (a job created at the
 * terminal has none and keeps its output in the file), {@code local} only the file, {@code <platform>} that platform's
 * home chat, {@code <platform>:<chat>[:<thread>]} that chat.
 *
 * <p>Deliveries are not added to the target chat's conversation, which keeps its roles alternating.
 */
final class Delivery {

    /** A resolved target. */
    sealed interface Target {
        /** Said in the run's prompt, so the agent knows who reads it. */
        String describe();
    }

    /** The output file only. */
    record Local() implements Target {
        @Override
        public String describe() {
            return "it is saved to a file only";
        }
    }

    /** A chat on a platform. */
    record Chat(String platform, String chatId, Optional<String> threadId) implements Target {
        @Override
        public String describe() {
            return "to a " + platform + " chat";
        }
    }

    private final Messenger messenger;

    Delivery(Messenger messenger) {
        this.messenger = messenger;
    }

    /**
     * The target of {@code job}.
     *
     * @throws IllegalStateException when a platform target has no home chat; the message says how to set one
     */
    Target target(CronJob job) {
        String deliver = job.deliver().strip();
        if (deliver.equals("local")) {
            return new Local();
        }
        if (deliver.equals("origin")) {
            return job.origin().filter(origin -> origin.chatId().isPresent())
                    .<Target>map(origin -> new Chat(origin.platform(), origin.chatId().get(), origin.threadId()))
                    .orElse(new Local());
        }
        List<String> parts = List.of(deliver.split(":", 3));
        if (parts.size() > 1) {
            return new Chat(parts.get(0), parts.get(1), parts.size() > 2 ? Optional.of(parts.get(2))
                    : Optional.empty());
        }
        String platform = parts.getFirst();
        return messenger.homeChat(platform).<Target>map(chat -> new Chat(platform, chat, Optional.empty()))
                .orElseThrow(() -> new IllegalStateException("no home chat for " + platform + ": set "
                        + platform.toUpperCase(Locale.ROOT) + "_HOME_CHANNEL in ~/.hermes/.env (or"
                        + " platforms." + platform + ".home_channel in config.yaml), or deliver to "
                        + platform + ":<chat_id>"));
    }

    /** Queues {@code text} for {@code target}; a local target sends nothing. */
    void send(Target target, String text) throws IOException {
        if (target instanceof Chat chat) {
            messenger.send(chat.platform(), new Channel.Outbound(chat.chatId(), chat.threadId(), Optional.empty(),
                    text, List.of()));
        }
    }
}
