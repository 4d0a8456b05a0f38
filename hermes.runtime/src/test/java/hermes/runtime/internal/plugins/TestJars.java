package hermes.runtime.internal.plugins;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Jars written with java.util.jar for the plugin tests, and read back. */
final class TestJars {

    private TestJars() {
    }

    /** A manifest with the given main attributes (and Manifest-Version). */
    static Manifest manifest(Map<String, String> attributes) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.forEach(manifest.getMainAttributes()::putValue);
        return manifest;
    }

    /** Writes a jar with an optional manifest and the given entries, in order. */
    static Path write(Path file, Manifest manifest, Map<String, byte[]> entries) throws IOException {
        Files.write(file, bytes(manifest, entries));
        return file;
    }

    static byte[] bytes(Manifest manifest, Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = manifest == null ? new JarOutputStream(bytes)
                : new JarOutputStream(bytes, manifest)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue());
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The main attributes of a jar's manifest, as names and values. */
    static Map<String, String> mainAttributes(byte[] jar) throws IOException {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Map<String, String> attributes = new TreeMap<>();
            in.getManifest().getMainAttributes().forEach((k, v) -> attributes.put(k.toString(), (String) v));
            return attributes;
        }
    }

    /** Every entry but the manifest, as names and contents (text, to compare readably). */
    static Map<String, String> entries(byte[] jar) throws IOException {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Map<String, String> entries = new LinkedHashMap<>();
            for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
            return entries;
        }
    }
}
