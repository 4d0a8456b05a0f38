package hermes.plugin.tools.terminal.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Ends a process together with everything it started. */
final class ProcessTrees {

    /** How long a process gets to exit on SIGTERM before it is killed outright. */
    private static final long GRACE_MILLIS = 1_000;

    private ProcessTrees() {
    }

    /**
     * Sends SIGTERM to the process and all its descendants, then SIGKILL to whichever is still alive a second later.
     * Returns at once; the escalation runs on a virtual thread so a cancel callback never blocks its caller.
     */
    static void kill(ProcessHandle root) {
        // Collect the descendants first: once the root dies they are re-parented and no longer reachable from it.
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        tree.forEach(ProcessHandle::destroy);
        Thread.ofVirtual().name("hermes-kill-" + root.pid()).start(() -> {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
            for (ProcessHandle process : tree) {
                long left = deadline - System.nanoTime();
                try {
                    if (left > 0) {
                        process.onExit().get(left, TimeUnit.NANOSECONDS);
                    }
                } catch (Exception stillRunning) {
                    // fall through to SIGKILL
                }
                if (process.isAlive()) {
                    process.destroyForcibly();
                }
            }
        });
    }
}
