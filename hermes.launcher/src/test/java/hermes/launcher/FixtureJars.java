package hermes.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/** Plugin jars for the integration tests: the example plugins as built, their v2, and deliberately broken ones. */
final class FixtureJars {

    /** Where the reactor copied the example plugins (see the launcher pom). */
    static final Path EXAMPLES = Path.of("target", "example-plugins");

    private FixtureJars() {
    }

    static Path helloV1() {
        return EXAMPLES.resolve("hello-tool.jar");
    }

    static Path plainV1() {
        return EXAMPLES.resolve("plain-tool.jar");
    }

    /** hello-tool with Bundle-Version 2.0.0 (its tool prints the bundle version). */
    static Path helloV2(Path dir) throws IOException {
        return rewrite(helloV1(), dir.resolve("hello-tool-v2.jar"), Map.of("Bundle-Version", "2.0.0"), Map.of());
    }

    /** plain-tool declaring version 2.0.0 (its tool prints the version from plain-tool.properties). */
    static Path plainV2(Path dir) throws IOException {
        return rewrite(plainV1(), dir.resolve("plain-tool-v2.jar"), Map.of("Implementation-Version", "2.0.0"),
                Map.of("plain-tool.properties", "version=2.0.0\n"));
    }

    /** A bundle whose DS component throws in its activate method. */
    static Path failingActivation(Path dir) throws IOException {
        Path jar = dir.resolve("failing-tool.jar");
        Manifest manifest = bundleManifest("failing-tool", "1.0.0", "hermes.api;version=\"[1.0,2)\"");
        manifest.getMainAttributes().putValue("Service-Component", "OSGI-INF/failing.xml");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            add(out, "OSGI-INF/failing.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="failing-tool"
                                   activate="activate">
                      <implementation class="fixtures.failing.FailingTool"/>
                      <service><provide interface="hermes.api.Tool"/></service>
                    </scr:component>
                    """.getBytes(StandardCharsets.UTF_8));
            String classFile = "fixtures/failing/FailingTool.class";
            try (InputStream in = FixtureJars.class.getClassLoader().getResourceAsStream(classFile)) {
                add(out, classFile, in.readAllBytes());
            }
        }
        return jar;
    }

    /** A bundle that imports a package nobody exports. */
    static Path unresolvable(Path dir) throws IOException {
        Path jar = dir.resolve("needs-missing.jar");
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file,
                     bundleManifest("needs-missing", "1.0.0", "com.example.missing;version=\"[1,2)\""))) {
            add(out, "readme.txt", "nothing\n".getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    /** Bytes that are not a zip file at all. */
    static Path corrupt(Path dir) throws IOException {
        Path jar = dir.resolve("corrupt.jar");
        Files.writeString(jar, "this is not a jar\n");
        return jar;
    }

    private static Manifest bundleManifest(String bsn, String version, String imports) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", bsn);
        main.putValue("Bundle-Version", version);
        main.putValue("Import-Package", imports);
        return manifest;
    }

    private static Path rewrite(Path source, Path target, Map<String, String> headers, Map<String, String> files)
            throws IOException {
        try (JarFile in = new JarFile(source.toFile())) {
            Manifest manifest = new Manifest(in.getManifest());
            headers.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), manifest)) {
                for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements(); ) {
                    JarEntry entry = e.nextElement();
                    if (entry.getName().equals(JarFile.MANIFEST_NAME) || entry.isDirectory()) {
                        continue;
                    }
                    String replaced = files.get(entry.getName());
                    try (InputStream content = in.getInputStream(entry)) {
                        add(out, entry.getName(), replaced != null ? replaced.getBytes(StandardCharsets.UTF_8)
                                : content.readAllBytes());
                    }
                }
            }
        }
        return target;
    }

    private static void add(JarOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(content);
        out.closeEntry();
    }
}
