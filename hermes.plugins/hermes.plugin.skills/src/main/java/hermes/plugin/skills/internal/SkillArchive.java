package hermes.plugin.skills.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;

/**
 * The bundled skills as shipped: files under {@code <category>/<name>/}, addressed by relative paths with forward
 * slashes. In the runtime they are resources of this bundle ({@code bundled-skills/}); tests read the repository's
 * {@code skills/} folder.
 */
interface SkillArchive {

    /** Every file, as a relative path ({@code software-development/plan/SKILL.md}), sorted. */
    List<String> files() throws IOException;

    byte[] read(String path) throws IOException;

    /** The resources under {@code root} in a bundle, read without unpacking the jar. */
    static SkillArchive of(Bundle bundle, String root) {
        return new SkillArchive() {
            @Override
            public List<String> files() {
                List<String> files = new ArrayList<>();
                Enumeration<URL> entries = bundle.findEntries(root, "*", true);
                while (entries != null && entries.hasMoreElements()) {
                    String path = entries.nextElement().getPath();
                    if (!path.endsWith("/")) {
                        files.add(path.substring(path.indexOf(root + "/") + root.length() + 1));
                    }
                }
                files.sort(null);
                return files;
            }

            @Override
            public byte[] read(String path) throws IOException {
                URL entry = bundle.getEntry(root + "/" + path);
                if (entry == null) {
                    throw new IOException("bundled skill file " + path + " is missing from " + bundle);
                }
                try (InputStream in = entry.openStream()) {
                    return in.readAllBytes();
                }
            }
        };
    }

    static SkillArchive of(Path directory) {
        return new SkillArchive() {
            @Override
            public List<String> files() throws IOException {
                if (!Files.isDirectory(directory)) {
                    return List.of();
                }
                try (Stream<Path> walk = Files.walk(directory)) {
                    return walk.filter(Files::isRegularFile)
                            .map(file -> directory.relativize(file).toString().replace('\\', '/')).sorted().toList();
                }
            }

            @Override
            public byte[] read(String path) throws IOException {
                return Files.readAllBytes(directory.resolve(path));
            }
        };
    }
}
