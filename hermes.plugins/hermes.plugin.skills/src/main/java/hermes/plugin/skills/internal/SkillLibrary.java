package hermes.plugin.skills.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The skills of this home, shared by the source, the tools and the commands of this bundle: the catalog, the editor,
 * the revision store (opened on first use) and the settings. On activation the bundled skills are synced into
 * {@code $HERMES_HOME/skills} on a virtual thread, so activation never waits on disk; the first listing waits up to
 * {@value #FIRST_SYNC_WAIT_SECONDS} s for it, so a fresh home lists them in its very first session.
 *
 * <p>Threading: any thread.
 */
@Component(service = SkillLibrary.class)
public final class SkillLibrary {

    static final String BUNDLED_ROOT = "bundled-skills";
    private static final long FIRST_SYNC_WAIT_SECONDS = 2;
    private static final System.Logger LOG = System.getLogger(SkillLibrary.class.getName());

    private final SkillsHome home;
    private final Function<String, String> environment;
    private final SkillsConfig config;
    private final SkillCatalog catalog;
    private final SkillEditor editor;
    private final CompletableFuture<BundledSkills.Report> bundledSync = new CompletableFuture<>();
    private final List<Consumer<List<Skill>>> listeners = new CopyOnWriteArrayList<>();
    /** Held while listeners hear of a change, so they never see an older listing after a newer one. */
    private final Object delivery = new Object();
    private RevisionStore revisions;
    private List<String> published = List.of();

    @Activate
    public SkillLibrary(BundleContext context) {
        this(SkillsHome.of(context), System::getenv,
                Optional.of(SkillArchive.of(context.getBundle(), BUNDLED_ROOT)));
    }

    /**
     * @param environment the process environment ({@code ${VAR}} in config, required variables)
     * @param bundled the skills to sync in, if any
     */
    SkillLibrary(SkillsHome home, Function<String, String> environment, Optional<SkillArchive> bundled) {
        this.home = home;
        this.environment = environment;
        this.config = new SkillsConfig(home.config(), environment, Path.of(System.getProperty("user.home")));
        this.catalog = new SkillCatalog(home.skills(), config::externalDirs);
        this.editor = new SkillEditor(catalog, this::revisions, this::publish);
        Thread.ofVirtual().name("hermes-bundled-skills").start(() -> {
            BundledSkills.Report report = BundledSkills.Report.OPTED_OUT;
            try {
                if (bundled.isPresent()) {
                    report = BundledSkills.sync(bundled.get(), home);
                }
                if (!report.copied().isEmpty() || !report.updated().isEmpty()) {
                    LOG.log(System.Logger.Level.INFO, "bundled skills: " + report.copied().size() + " installed, "
                            + report.updated().size() + " updated, " + report.userModified().size()
                            + " kept as edited by the user");
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "installing the bundled skills into " + home.skills()
                        + " failed: " + e.getMessage(), e);
            } finally {
                // listeners (the slash commands) hear of the synced skills before anyone waiting is released
                publish();
                bundledSync.complete(report);
            }
        });
    }

    /** Lets a running bundled sync finish (its files are written atomically, but a half-done sync re-runs anyway). */
    @Deactivate
    synchronized void close() {
        try {
            bundledSync(FIRST_SYNC_WAIT_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (revisions != null) {
            revisions.close();
            revisions = null;
        }
    }

    SkillsHome home() {
        return home;
    }

    SkillsConfig config() {
        return config;
    }

    SkillEditor editor() {
        return editor;
    }

    Function<String, String> environment() {
        return environment;
    }

    /** The result of the bundled-skills sync, waiting up to {@code seconds} for it; empty when still running. */
    Optional<BundledSkills.Report> bundledSync(long seconds) throws InterruptedException {
        try {
            return Optional.of(bundledSync.get(seconds, TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the bundled-skills sync cannot fail", e);
        }
    }

    /** The catalog's listing, once the first bundled sync is done (or had its time); listeners hear of changes. */
    SkillCatalog.Listing listing() throws IOException {
        try {
            bundledSync(FIRST_SYNC_WAIT_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        SkillCatalog.Listing listing = catalog.list();
        notifyIfChanged(listing.skills());
        return listing;
    }

    Optional<Skill> find(String name) throws IOException {
        return listing().find(name);
    }

    /** The revision store, opened on first use (loading SQLite costs tens of milliseconds). */
    synchronized RevisionStore revisions() throws IOException {
        if (revisions == null) {
            revisions = RevisionStore.open(home.database());
        }
        return revisions;
    }

    /**
     * Calls {@code listener} with the skills whenever the set of names or descriptions changes (not with the current
     * set: call {@link #listing()} for that).
     */
    void addListener(Consumer<List<Skill>> listener) {
        listeners.add(listener);
    }

    void removeListener(Consumer<List<Skill>> listener) {
        listeners.remove(listener);
    }

    /** After a change made outside the editor (an install): drops the cached listing and tells the listeners. */
    void changed() {
        catalog.invalidate();
        publish();
    }

    /** Re-lists and tells the listeners if anything changed. */
    void publish() {
        try {
            notifyIfChanged(catalog.list().skills());
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot list the skills in " + home.skills() + ": "
                    + e.getMessage());
        }
    }

    private void notifyIfChanged(List<Skill> skills) {
        List<String> summary = skills.stream().map(skill -> skill.name() + "\n" + skill.description()).toList();
        synchronized (delivery) {
            if (summary.equals(published)) {
                return;
            }
            published = summary;
            for (Consumer<List<Skill>> listener : listeners) {
                try {
                    listener.accept(skills);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "a skills listener failed: " + e, e);
                }
            }
        }
    }
}
