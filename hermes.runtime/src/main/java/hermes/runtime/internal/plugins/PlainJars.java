package hermes.runtime.internal.plugins;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

/**
 * Turns a plain jar (no OSGi headers, {@code META-INF/services/hermes.api.*} entries) into a bundle: a generated manifest
 * that imports only {@code hermes.api} in its major version range, marked so the {@link PlainJarBridge} registers its
 * services (DESIGN §3).
 */
public final class PlainJars {

    /** Marks a wrapped plain jar; the value is the jar's file name in the plugins folder. */
    public static final String HEADER = "Hermes-Plain-Jar";
    static final String SERVICES_PREFIX = "META-INF/services/hermes.api.";
    private static final Pattern NOT_BSN = Pattern.compile("[^A-Za-z0-9_.-]");
    private static final Pattern OSGI_VERSION = Pattern.compile("\\d+(\\.\\d+){0,2}(\\.[A-Za-z0-9_-]+)?");

    private PlainJars() {
    }

    /** The plugin jar a wrapped bundle came from, or empty for a real bundle. */
    public static Optional<String> sourceFile(Bundle bundle) {
        return Optional.ofNullable(bundle.getHeaders("").get(HEADER));
    }

    /** The {@code META-INF/services/hermes.api.*} entries of a jar. */
    static List<String> serviceEntries(JarFile jar) {
        List<String> entries = new ArrayList<>();
        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
            String name = e.nextElement().getName();
            if (name.startsWith(SERVICES_PREFIX) && !name.endsWith("/")) {
                entries.add(name);
            }
        }
        return entries;
    }

    /** Whether a jar carries its own copy of the API, which would split the class space. */
    static boolean carriesApi(JarFile jar) {
        return jar.getEntry("hermes/api/Tool.class") != null;
    }

    /** The plugin name of a plain jar: its file name without {@code .jar}. */
    static String pluginName(String fileName) {
        return fileName.endsWith(".jar") ? fileName.substring(0, fileName.length() - 4) : fileName;
    }

    /** The version a plain jar declares ({@code Implementation-Version}), if it is a valid OSGi version. */
    static Optional<String> declaredVersion(Manifest manifest) {
        if (manifest == null) {
            return Optional.empty();
        }
        String v = manifest.getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
        return v != null && OSGI_VERSION.matcher(v.trim()).matches() ? Optional.of(v.trim()) : Optional.empty();
    }

    /** The jar's bytes with a generated bundle manifest in place of its own. */
    static byte[] wrap(JarFile jar, String fileName) throws IOException {
        Manifest original = jar.getManifest();
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "hermes.plain." + NOT_BSN.matcher(pluginName(fileName)).replaceAll("_"));
        main.putValue("Bundle-Name", pluginName(fileName));
        main.putValue("Bundle-Version", Version.parseVersion(declaredVersion(original).orElse("0.0.0")).toString());
        main.putValue("Import-Package", "hermes.api;version=\"[1.0,2)\"");
        main.putValue(HEADER, fileName);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                if (entry.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (!entry.isDirectory()) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
