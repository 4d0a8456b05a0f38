package hermes.runtime.internal.plugins;

import java.io.ByteArrayInputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Installs, updates, starts and uninstalls plugin bundles, refreshing after every update or uninstall so no old class
 * loader stays wired (DESIGN §8.3), and turns framework errors into messages that say what to do.
 */
final class BundleOperations {

    private static final Pattern MISSING_PACKAGE =
            Pattern.compile("missing requirement .*?\\] osgi\\.wiring\\.package; \\(&?\\(?osgi\\.wiring\\.package=([^)]+)\\)");
    private static final long REFRESH_TIMEOUT_SECONDS = 30;

    private final BundleContext context;

    BundleOperations(BundleContext context) {
        this.context = context;
    }

    /** Installs a new plugin bundle, or updates {@code existing} in place. */
    Bundle installOrUpdate(Bundle existing, String fileName, PluginJar jar) throws PluginException {
        try {
            if (existing != null && existing.getState() != Bundle.UNINSTALLED) {
                existing.update(new ByteArrayInputStream(jar.content()));
                refresh();
                return existing;
            }
            return context.installBundle("hermes-plugin:" + fileName, new ByteArrayInputStream(jar.content()));
        } catch (BundleException e) {
            if (e.getType() == BundleException.DUPLICATE_BUNDLE_ERROR) {
                throw new PluginException("another jar in the plugins folder already provides " + jar.name()
                        + " in this version: remove one of the two", e);
            }
            throw new PluginException("the framework refused " + fileName + ": " + e.getMessage(), e);
        }
    }

    /** Starts a bundle; a resolution failure names the missing package. */
    void start(Bundle bundle, String fileName) throws PluginException {
        try {
            bundle.start();
        } catch (BundleException e) {
            String message = String.valueOf(e.getMessage());
            Matcher missing = MISSING_PACKAGE.matcher(message);
            if (missing.find()) {
                throw new PluginException(fileName + " cannot be resolved: nothing exports package " + missing.group(1)
                        + "; add the plugin that exports it, or embed the library in the jar", e);
            }
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new PluginException(fileName + " failed to start: " + cause, e);
        }
    }

    /** Uninstalls a bundle and refreshes, so its class loader can be collected. */
    void uninstall(Bundle bundle) {
        try {
            bundle.uninstall();
        } catch (BundleException | IllegalStateException alreadyGone) {
            // nothing left to remove
        }
        refresh();
    }

    /** Refreshes every bundle with removal pending and waits until the framework is done. */
    private void refresh() {
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(null, event -> done.countDown());
        try {
            done.await(REFRESH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
