package hermes.plugin.channel.telegram.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import hermes.api.Channel;

/**
 * Replies that failed part-way, with how far they got. The gateway retries a failed reply whole; without this every
 * retry would repeat the pieces Telegram already shows. Kept by the channel, so a restart between the failure and
 * the retry loses nothing; only the last {@value #CAPACITY} are kept (older ones are resent whole). Thread safe.
 */
final class UnfinishedReplies {

    static final int CAPACITY = 64;

    /**
     * @param sent how many pieces (text pieces, then attachments) were delivered
     * @param firstId the platform id of the first piece, once one was delivered
     */
    record Progress(int sent, Optional<String> firstId) {
        static final Progress NONE = new Progress(0, Optional.empty());
    }

    private final Map<Channel.Outbound, Progress> replies = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Channel.Outbound, Progress> eldest) {
            return size() > CAPACITY;
        }
    };

    /** How far an earlier attempt at an equal reply got; forgets it (a failing retry remembers again). */
    synchronized Progress take(Channel.Outbound reply) {
        Progress progress = replies.remove(reply);
        return progress == null ? Progress.NONE : progress;
    }

    synchronized void remember(Channel.Outbound reply, Progress progress) {
        replies.put(reply, progress);
    }
}
