package hermes.plugin.skills.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import hermes.plugin.skills.internal.guard.InstallPolicy;
import hermes.plugin.skills.internal.guard.ScanReport;
import hermes.plugin.skills.internal.guard.Severity;
import hermes.plugin.skills.internal.guard.SkillGuard;
import hermes.plugin.skills.internal.guard.TrustLevel;
import hermes.testing.FakeToolContext;

/** The skills the repository ships in {@code /skills}: packaged into the bundle, valid, clean, and loadable. */
class ShippedSkillsTest {

    /** The repository's skills folder, seen from this module. */
    private static final Path SHIPPED = Path.of("../../skills");
    /** Where the build put them as bundle resources. */
    private static final Path PACKAGED = Path.of("target/classes", SkillLibrary.BUNDLED_ROOT);

    @TempDir
    Path home;

    static Stream<String> skills() throws Exception {
        try (Stream<Path> walk = Files.walk(SHIPPED)) {
            return walk.filter(path -> path.getFileName().toString().equals("SKILL.md"))
                    .map(path -> SHIPPED.relativize(path.getParent()).toString().replace('\\', '/'))
                    .sorted().toList().stream();
        }
    }

    @Test
    void theBundleCarriesEveryShippedFile() throws Exception {
        assertThat(SkillArchive.of(PACKAGED).files()).isEqualTo(SkillArchive.of(SHIPPED).files())
                .isNotEmpty();
        assertThat(skills()).hasSizeGreaterThanOrEqualTo(12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("skills")
    void aShippedSkillIsValidCleanAndOpensWithSkillView(String directory) throws Exception {
        Path skill = SHIPPED.resolve(directory);
        String content = Files.readString(skill.resolve("SKILL.md"));
        SkillManifest manifest = SkillValidator.validate(content, true);
        assertThat(manifest.name()).isEqualTo(skill.getFileName().toString());

        ScanReport report = SkillGuard.scanDirectory(skill);
        assertThat(report.above(Severity.LOW)).as(report.format()).isEmpty();
        assertThat(InstallPolicy.decide(TrustLevel.BUILTIN, report.verdict(), false))
                .isEqualTo(InstallPolicy.Decision.ALLOW);

        SkillLibrary library = new SkillLibrary(new SkillsHome(home), Map.<String, String>of()::get,
                Optional.of(SkillArchive.of(SHIPPED)));
        var answer = TestSkills.call(new SkillViewTool(library), new FakeToolContext(home),
                Map.of("name", manifest.name()));
        assertThat(answer.error()).as(answer.json().toString()).isFalse();
        assertThat(answer.json().path("content").asText()).isEqualTo(content);
        List<String> linked = SkillViewTool.linkedFiles(skill).values().stream().flatMap(List::stream).toList();
        for (String file : linked) {
            var linkedAnswer = TestSkills.call(new SkillViewTool(library), new FakeToolContext(home),
                    Map.of("name", manifest.name(), "file_path", file));
            assertThat(linkedAnswer.error()).as(file + ": " + linkedAnswer.json()).isFalse();
        }
    }
}
