package hermes.runtime.internal.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;

import hermes.api.PluginInfo;

/**
 * A plugin jar read and checked, ready to install: a real bundle as it is, or a plain jar wrapped (DESIGN §3).
 *
 * @param name the plugin name: the bundle symbolic name, or a plain jar's file name without {@code .jar}
 * @param kind how it becomes a bundle
 * @param content the bytes to install
 */
record PluginJar(String name, PluginInfo.Kind kind, byte[] content) {

    static PluginJar read(Path file) throws PluginException {
        String fileName = file.getFileName().toString();
        try (JarFile jar = new JarFile(file.toFile())) {
            Manifest manifest = jar.getManifest();
            if (PlainJars.carriesApi(jar)) {
                throw new PluginException(fileName + " carries its own copy of hermes.api, which would split the API"
                        + " in two: build it with hermes.api as a provided (compile-only) dependency");
            }
            String bsn = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            if (bsn != null) {
                return new PluginJar(bsn.split(";")[0].trim(), PluginInfo.Kind.BUNDLE, Files.readAllBytes(file));
            }
            if (!PlainJars.serviceEntries(jar).isEmpty()) {
                return new PluginJar(PlainJars.pluginName(fileName), PluginInfo.Kind.PLAIN_JAR,
                        PlainJars.wrap(jar, fileName));
            }
            throw new PluginException(fileName + " is neither an OSGi bundle (no Bundle-SymbolicName) nor a plain"
                    + " plugin (no META-INF/services/hermes.api.* entries): add one of them (see plugins/README.md)");
        } catch (ZipException | SecurityException e) {
            throw new PluginException(fileName + " is not a readable jar (" + e.getMessage() + "): copy it again or"
                    + " rebuild it; it is retried on its next change", e);
        } catch (IOException e) {
            throw new PluginException("cannot read " + fileName + ": " + e.getMessage()
                    + "; it is retried on its next change", e);
        }
    }
}
