package hermes.plugin.cron.internal;

import java.time.Clock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import hermes.api.Configuration;

/**
 * The cron files of {@code $HERMES_HOME} as this bundle's tool, command and scheduler share them: one {@link JobStore}
 * per process, so this process's own changes take turns before they take the file lock.
 */
@Component(service = CronHome.class)
public final class CronHome {

    private final Configuration configuration;
    private final Clock clock;
    private final JobEditor editor;

    @Activate
    public CronHome(@Reference Configuration configuration) {
        this(configuration, Clock.systemDefaultZone());
    }

    CronHome(Configuration configuration, Clock clock) {
        this.configuration = configuration;
        this.clock = clock;
        this.editor = new JobEditor(new JobStore(configuration.home(), clock), clock);
    }

    Configuration configuration() {
        return configuration;
    }

    Clock clock() {
        return clock;
    }

    JobEditor editor() {
        return editor;
    }

    JobStore store() {
        return editor.store();
    }
}
