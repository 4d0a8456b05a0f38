package hermes.runtime.internal.core;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import hermes.api.Event;

/**
 * Events outside any session (plugin changes, background work), delivered in order on one runtime thread so a slow
 * listener never holds up the thread that caused the event (often a framework thread).
 */
@Component(service = RuntimeEvents.class)
public final class RuntimeEvents {

    private static final System.Logger LOG = System.getLogger(RuntimeEvents.class.getName());

    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hermes-runtime-events");
        t.setDaemon(true);
        return t;
    });

    public AutoCloseable subscribe(Consumer<Event> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void publish(Event.Payload payload) {
        Event event = new Event(Optional.empty(), 0, Optional.empty(), sequence.incrementAndGet(), Instant.now(),
                payload);
        if (delivery.isShutdown()) {
            return; // the runtime is stopping: nobody is left to tell
        }
        delivery.execute(() -> listeners.forEach(listener -> {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "an event listener failed", e);
            }
        }));
    }

    @Deactivate
    void stop() {
        delivery.shutdownNow();
    }
}
