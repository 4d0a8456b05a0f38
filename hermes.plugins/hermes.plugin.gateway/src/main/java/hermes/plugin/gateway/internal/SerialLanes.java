package hermes.plugin.gateway.internal;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Runs tasks in order per key, each key on its own virtual thread while it has work: messages of one chat are handled
 * one after another, chats never wait for each other, and {@link #submit} returns at once.
 *
 * <p>Threading: any thread.
 */
final class SerialLanes {

    private static final System.Logger LOG = System.getLogger(SerialLanes.class.getName());

    private final String threadName;
    private final ConcurrentMap<String, Lane> lanes = new ConcurrentHashMap<>();
    private volatile boolean closed;

    SerialLanes(String threadName) {
        this.threadName = threadName;
    }

    /** Queues {@code task} behind the earlier tasks of {@code key}; after {@link #close()} it is dropped. */
    void submit(String key, Runnable task) {
        while (!closed && !lanes.computeIfAbsent(key, Lane::new).add(task)) {
            // that lane just retired; a fresh one takes the task
        }
    }

    /** Drops the tasks not yet started; a task that runs finishes on its own. */
    void close() {
        closed = true;
    }

    private final class Lane {
        private final String key;
        private final Queue<Runnable> tasks = new ArrayDeque<>();
        private boolean running;
        private boolean retired;

        Lane(String key) {
            this.key = key;
        }

        synchronized boolean add(Runnable task) {
            if (retired) {
                return false;
            }
            tasks.add(task);
            if (!running) {
                running = true;
                Thread.ofVirtual().name(threadName).start(this::drain);
            }
            return true;
        }

        private void drain() {
            while (true) {
                Runnable task;
                synchronized (this) {
                    task = closed ? null : tasks.poll();
                    if (task == null) {
                        if (!tasks.isEmpty()) {
                            LOG.log(System.Logger.Level.INFO, tasks.size() + " message(s) of " + key + " were not"
                                    + " handled: the gateway stopped");
                            tasks.clear();
                        }
                        running = false;
                        retired = true;
                        lanes.remove(key, this);
                        return;
                    }
                }
                try {
                    task.run();
                } catch (RuntimeException | LinkageError e) {
                    LOG.log(System.Logger.Level.ERROR, "handling a message of " + key + " failed", e);
                }
            }
        }
    }
}
