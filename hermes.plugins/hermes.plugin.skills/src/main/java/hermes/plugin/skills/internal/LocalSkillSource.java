package hermes.plugin.skills.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import hermes.api.SkillSource;

/**
 * The skills in {@code $HERMES_HOME/skills} and {@code skills.external_dirs} (local ones shadow external ones of the
 * same name), with each skill's activation conditions from its front matter. Listing is cached by file stamps, so the
 * call at every session start costs a few stat calls once the skills were read.
 */
@Component(service = SkillSource.class, property = "hermes.id=local")
public final class LocalSkillSource implements SkillSource {

    private final SkillLibrary library;

    @Activate
    public LocalSkillSource(@Reference SkillLibrary library) {
        this.library = library;
    }

    @Override
    public String id() {
        return "local";
    }

    @Override
    public List<SkillInfo> skills() throws IOException {
        return library.listing().skills().stream().map(Skill::info).toList();
    }

    @Override
    public Optional<String> read(String name) throws IOException {
        Optional<Skill> skill = library.find(name);
        return skill.isPresent() ? Optional.of(Files.readString(skill.get().file(), StandardCharsets.UTF_8))
                : Optional.empty();
    }
}
