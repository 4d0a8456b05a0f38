package hermes.runtime.internal.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.api.PluginInfo;

class PluginJarTest {

    /** Not a valid class, but the wrapper copies bytes and never loads them. */
    private static final String CLASS_BYTES = "\u00ca\u00fe\u00ba\u00be\u0000\u0000\u0000\u0041rest of a class";

    @TempDir
    Path dir;

    @Test
    void plainJarIsWrappedWithAGeneratedBundleManifestAndKeepsEveryEntry() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("META-INF/services/hermes.api.Tool", "com.example.HelloTool\n");
        entries.put("com/example/", "");
        entries.put("com/example/HelloTool.class", CLASS_BYTES);
        entries.put("hello.properties", "greeting=hi\n");
        Path jar = TestJars.write(dir.resolve("hello-tool.jar"),
                TestJars.manifest(Map.of("Implementation-Version", "1.2.3", "Main-Class", "com.example.Main")),
                bytes(entries));

        PluginJar plugin = PluginJar.read(jar);

        assertThat(plugin.name()).isEqualTo("hello-tool");
        assertThat(plugin.kind()).isEqualTo(PluginInfo.Kind.PLAIN_JAR);
        assertThat(TestJars.mainAttributes(plugin.content())).isEqualTo(Map.of(
                "Manifest-Version", "1.0",
                "Bundle-ManifestVersion", "2",
                "Bundle-SymbolicName", "hermes.plain.hello-tool",
                "Bundle-Name", "hello-tool",
                "Bundle-Version", "1.2.3",
                "Import-Package", "hermes.api;version=\"[1.0,2)\"",
                "Hermes-Plain-Jar", "hello-tool.jar"));
        assertThat(TestJars.entries(plugin.content())).isEqualTo(entries);
    }

    @Test
    void plainJarWithoutAManifestGetsVersionZeroAndASymbolicNameWithoutOddCharacters() throws Exception {
        Path jar = TestJars.write(dir.resolve("my tool+v2.jar"), null,
                bytes(Map.of("META-INF/services/hermes.api.ToolSource", "com.example.Source\n")));

        PluginJar plugin = PluginJar.read(jar);

        assertThat(plugin.name()).isEqualTo("my tool+v2");
        assertThat(plugin.kind()).isEqualTo(PluginInfo.Kind.PLAIN_JAR);
        assertThat(TestJars.mainAttributes(plugin.content())).isEqualTo(Map.of(
                "Manifest-Version", "1.0",
                "Bundle-ManifestVersion", "2",
                "Bundle-SymbolicName", "hermes.plain.my_tool_v2",
                "Bundle-Name", "my tool+v2",
                "Bundle-Version", "0.0.0",
                "Import-Package", "hermes.api;version=\"[1.0,2)\"",
                "Hermes-Plain-Jar", "my tool+v2.jar"));
        assertThat(TestJars.entries(plugin.content()))
                .isEqualTo(Map.of("META-INF/services/hermes.api.ToolSource", "com.example.Source\n"));
    }

    @Test
    void jarWithABundleSymbolicNameIsABundleWithItsBytesUnchanged() throws Exception {
        Path jar = TestJars.write(dir.resolve("hello-bundle.jar"),
                TestJars.manifest(Map.of("Bundle-SymbolicName", "com.example.hello;singleton:=true",
                        "Bundle-Version", "2.0.0")),
                bytes(Map.of("META-INF/services/hermes.api.Tool", "com.example.HelloTool\n",
                        "com/example/HelloTool.class", CLASS_BYTES)));

        PluginJar plugin = PluginJar.read(jar);

        assertThat(plugin.name()).isEqualTo("com.example.hello");
        assertThat(plugin.kind()).isEqualTo(PluginInfo.Kind.BUNDLE);
        assertThat(plugin.content()).isEqualTo(Files.readAllBytes(jar));
    }

    @Test
    void jarWithNeitherHeadersNorServicesSaysWhatToAdd() throws Exception {
        Path jar = TestJars.write(dir.resolve("library.jar"),
                TestJars.manifest(Map.of("Implementation-Version", "1.0")),
                bytes(Map.of("com/example/Util.class", CLASS_BYTES,
                        "META-INF/services/java.sql.Driver", "com.example.Driver\n")));

        assertThatThrownBy(() -> PluginJar.read(jar))
                .isInstanceOf(PluginException.class)
                .hasMessage("library.jar is neither an OSGi bundle (no Bundle-SymbolicName) nor a plain plugin"
                        + " (no META-INF/services/hermes.api.* entries): add one of them (see plugins/README.md)");
    }

    @Test
    void jarCarryingItsOwnCopyOfTheApiIsRefused() throws Exception {
        Path jar = TestJars.write(dir.resolve("fat-tool.jar"), null,
                bytes(Map.of("META-INF/services/hermes.api.Tool", "com.example.HelloTool\n",
                        "hermes/api/Tool.class", CLASS_BYTES)));

        assertThatThrownBy(() -> PluginJar.read(jar))
                .isInstanceOf(PluginException.class)
                .hasMessage("fat-tool.jar carries its own copy of hermes.api, which would split the API in two:"
                        + " build it with hermes.api as a provided (compile-only) dependency");
    }

    @Test
    void bundleCarryingItsOwnCopyOfTheApiIsRefusedToo() throws Exception {
        Path jar = TestJars.write(dir.resolve("fat-bundle.jar"),
                TestJars.manifest(Map.of("Bundle-SymbolicName", "com.example.fat")),
                bytes(Map.of("hermes/api/Tool.class", CLASS_BYTES)));

        assertThatThrownBy(() -> PluginJar.read(jar))
                .isInstanceOf(PluginException.class)
                .hasMessageStartingWith("fat-bundle.jar carries its own copy of hermes.api");
    }

    @Test
    void bytesThatAreNotAZipAreNotAReadableJar() throws Exception {
        Path jar = dir.resolve("broken.jar");
        Files.writeString(jar, "this is not a zip file, just some text that happens to end in .jar\n");

        assertThatThrownBy(() -> PluginJar.read(jar))
                .isInstanceOf(PluginException.class)
                .hasMessageStartingWith("broken.jar is not a readable jar (")
                .hasMessageEndingWith("): copy it again or rebuild it; it is retried on its next change");
    }

    private static Map<String, byte[]> bytes(Map<String, String> entries) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        entries.forEach((name, content) -> bytes.put(name, content.getBytes(StandardCharsets.ISO_8859_1)));
        return bytes;
    }
}
