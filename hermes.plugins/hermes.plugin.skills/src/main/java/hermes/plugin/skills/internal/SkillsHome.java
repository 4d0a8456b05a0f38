package hermes.plugin.skills.internal;

import java.nio.file.Path;
import java.util.Objects;

import org.osgi.framework.BundleContext;

/**
 * The files of {@code $HERMES_HOME} this bundle reads and writes.
 *
 * @param root {@code $HERMES_HOME}: the framework property {@code hermes.home}, else the environment variable
 *     {@code HERMES_HOME}, else {@code ~/.hermes}
 */
record SkillsHome(Path root) {

    SkillsHome {
        Objects.requireNonNull(root, "root");
    }

    static SkillsHome of(BundleContext context) {
        String property = context.getProperty("hermes.home");
        if (property != null && !property.isBlank()) {
            return new SkillsHome(Path.of(property));
        }
        String environment = System.getenv("HERMES_HOME");
        if (environment != null && !environment.isBlank()) {
            return new SkillsHome(Path.of(environment));
        }
        return new SkillsHome(Path.of(System.getProperty("user.home"), ".hermes"));
    }

    /** Local skills, written by the agent, the user and the bundled-skills sync. */
    Path skills() {
        return root.resolve("skills");
    }

    Path config() {
        return root.resolve("config.yaml");
    }

    /** Secrets only; read here just to tell whether a skill's required variables are set. */
    Path env() {
        return root.resolve(".env");
    }

    /** Our own SQLite file beside state.db (which keeps the original's schema untouched). */
    Path database() {
        return root.resolve("hermes-jvm.db");
    }

    /** {@code name:md5} per bundled skill as it was installed, so user edits are never overwritten. */
    Path bundledManifest() {
        return skills().resolve(".bundled_manifest");
    }

    /** Present: the user opted out of bundled skills. */
    Path noBundledSkillsMarker() {
        return root.resolve(".no-bundled-skills");
    }

    /** Where hub installs wait while the guard looks at them. */
    Path quarantine() {
        return skills().resolve(".hub").resolve("quarantine");
    }

    /** Provenance of installed skills: source, trust, verdict and content hash. */
    Path hubLock() {
        return skills().resolve(".hub").resolve("lock.json");
    }

    Path hubAuditLog() {
        return skills().resolve(".hub").resolve("audit.log");
    }
}
