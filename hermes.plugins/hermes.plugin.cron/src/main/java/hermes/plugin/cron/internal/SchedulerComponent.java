package hermes.plugin.cron.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import hermes.api.AgentRuntime;
import hermes.api.Messenger;

/**
 * The scheduler's clock: a tick every 60 seconds while a {@link Messenger} is registered. The gateway registers one
 * exactly while it runs, so jobs run inside the gateway process and nowhere else (a CLI session never ticks); when the
 * gateway stops, this component is deactivated and a running tick is interrupted (its runs are recorded as cut off).
 */
@Component(immediate = true)
public final class SchedulerComponent {

    static final Duration INTERVAL = Duration.ofSeconds(60);
    /** The first tick waits a little, so the gateway's channels are connecting when the first answers are queued. */
    static final Duration FIRST_TICK = Duration.ofSeconds(5);

    private static final System.Logger LOG = System.getLogger(SchedulerComponent.class.getName());

    private final ScheduledExecutorService ticker;

    @Activate
    public SchedulerComponent(@Reference Messenger messenger, @Reference AgentRuntime runtime,
                              @Reference CronHome home) {
        CronSettings settings = new CronSettings(home.configuration());
        CronScheduler scheduler = new CronScheduler(home.store(), new JobRunner(runtime, settings),
                new Delivery(messenger), settings, home.clock());
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("hermes-cron-ticker")
                .daemon().factory());
        ticker.scheduleWithFixedDelay(() -> tick(scheduler), FIRST_TICK.toMillis(), INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private static void tick(CronScheduler scheduler) {
        try {
            CronScheduler.Tick tick = scheduler.tick();
            if (!tick.ran().isEmpty()) {
                LOG.log(System.Logger.Level.INFO, "cron ran " + tick.ran());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // a failing tick must not end the ticker: the next one tries again
            LOG.log(System.Logger.Level.ERROR, "cron tick failed", e);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        ticker.shutdownNow();
        if (!ticker.awaitTermination(15, TimeUnit.SECONDS)) {
            LOG.log(System.Logger.Level.WARNING, "the cron ticker did not stop within 15 s");
        }
    }
}
