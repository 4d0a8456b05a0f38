package hermes.runtime.internal.plugins;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.function.BiConsumer;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.BundleTracker;

/**
 * Registers the {@code META-INF/services/hermes.api.*} entries of wrapped plain jars as services of the same kind, with
 * the plain bundle as their owner, while the bundle is active. This is the one place where the runtime reads
 * ServiceLoader files (DESIGN §6).
 *
 * <p>Threading: the tracker's callbacks run synchronously on the thread that starts or stops the bundle, so a plain jar's
 * tools are registered by the time {@code Bundle.start()} returns.
 */
final class PlainJarBridge extends BundleTracker<List<ServiceRegistration<?>>> {

    private static final System.Logger LOG = System.getLogger(PlainJarBridge.class.getName());

    private final BiConsumer<Bundle, String> onError;

    /**
     * @param onError told which bundle failed and why (a service class that cannot be loaded or instantiated)
     */
    PlainJarBridge(BundleContext context, BiConsumer<Bundle, String> onError) {
        super(context, Bundle.ACTIVE, null);
        this.onError = onError;
    }

    @Override
    public List<ServiceRegistration<?>> addingBundle(Bundle bundle, BundleEvent event) {
        if (PlainJars.sourceFile(bundle).isEmpty()) {
            return null;
        }
        List<ServiceRegistration<?>> registrations = new ArrayList<>();
        Enumeration<URL> files = bundle.findEntries("META-INF/services", "hermes.api.*", false);
        while (files != null && files.hasMoreElements()) {
            URL file = files.nextElement();
            String type = file.getPath().substring(file.getPath().lastIndexOf('/') + 1);
            for (String className : classNames(bundle, file)) {
                register(bundle, type, className, registrations);
            }
        }
        return registrations;
    }

    private void register(Bundle bundle, String type, String className, List<ServiceRegistration<?>> registrations) {
        String where = "META-INF/services/" + type + " names " + className;
        try {
            Class<?> serviceType = PlainJarBridge.class.getClassLoader().loadClass(type);
            Object instance = bundle.loadClass(className).getConstructor().newInstance();
            if (!serviceType.isInstance(instance)) {
                fail(bundle, where + ", which does not implement " + type);
                return;
            }
            registrations.add(bundle.getBundleContext().registerService(type, instance, null));
        } catch (ClassNotFoundException e) {
            fail(bundle, where + ": class not found (" + e.getMessage() + "); check the name, and that a plain jar"
                    + " bundles every class it needs");
        } catch (NoSuchMethodException e) {
            fail(bundle, where + ", which has no public no-argument constructor; add one");
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
            fail(bundle, where + ": creating it failed with " + cause);
        }
    }

    private void fail(Bundle bundle, String message) {
        LOG.log(System.Logger.Level.ERROR, PlainJars.sourceFile(bundle).orElse("?") + ": " + message);
        onError.accept(bundle, message);
    }

    private static List<String> classNames(Bundle bundle, URL file) {
        List<String> names = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(file.openStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                int hash = line.indexOf('#');
                String name = (hash >= 0 ? line.substring(0, hash) : line).trim();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot read " + file + " of bundle " + bundle.getBundleId(), e);
        }
        return names;
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, List<ServiceRegistration<?>> registrations) {
        for (ServiceRegistration<?> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregisters a stopping bundle's services itself
            }
        }
    }
}
