package hermes.plugin.channel.email.internal;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.eclipse.angus.activation.MailcapRegistryProviderImpl;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * The thread context class loader for every Jakarta Mail call. Jakarta Mail and Jakarta Activation find their
 * implementations by {@code ServiceLoader} and {@code META-INF/mailcap} resources, first through the context class
 * loader: {@code new Session} fails without a {@code StreamProvider}, and text bodies cannot be written without the
 * mailcap's content handlers. Inside OSGi the API bundles cannot see the Angus bundles' resources (there is no SPI Fly
 * in the runtime, on purpose), so this loader shows them the Angus Mail and Angus Activation bundles, which this bundle
 * imports. On a flat class path it changes nothing.
 *
 * <p>One instance per bundle: Activation caches its default command map per context class loader.
 */
final class MailClassLoader extends ClassLoader {

    static final MailClassLoader INSTANCE = new MailClassLoader();

    private final List<ClassLoader> delegates;

    private MailClassLoader() {
        super("hermes-email-mail", ClassLoader.getPlatformClassLoader());
        List<ClassLoader> loaders = new ArrayList<>();
        for (Class<?> type : List.of(IMAPStore.class, MailcapRegistryProviderImpl.class, MailClassLoader.class)) {
            ClassLoader loader = type.getClassLoader();
            if (loader != null && !loaders.contains(loader)) {
                loaders.add(loader);
            }
        }
        this.delegates = List.copyOf(loaders);
    }

    /** Runs {@code work} with this loader as the thread's context class loader, then restores the previous one. */
    static <T> T call(Callable<T> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(INSTANCE);
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        for (ClassLoader delegate : delegates) {
            try {
                return delegate.loadClass(name);
            } catch (ClassNotFoundException notThere) {
                // try the next bundle
            }
        }
        throw new ClassNotFoundException(name);
    }

    @Override
    protected URL findResource(String name) {
        for (ClassLoader delegate : delegates) {
            URL url = delegate.getResource(name);
            if (url != null) {
                return url;
            }
        }
        return null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        // keyed by text: URL.equals resolves host names, and bundle URLs carry made-up ones
        Map<String, URL> urls = new LinkedHashMap<>();
        for (ClassLoader delegate : delegates) {
            for (URL url : Collections.list(delegate.getResources(name))) {
                urls.putIfAbsent(url.toExternalForm(), url);
            }
        }
        return Collections.enumeration(urls.values());
    }
}
