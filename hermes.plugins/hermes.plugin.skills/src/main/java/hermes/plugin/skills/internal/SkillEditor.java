package hermes.plugin.skills.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import hermes.lib.textpatch.FuzzyReplace;
import hermes.plugin.skills.internal.guard.Finding;
import hermes.plugin.skills.internal.guard.InstallPolicy;
import hermes.plugin.skills.internal.guard.ScanReport;
import hermes.plugin.skills.internal.guard.SkillGuard;
import hermes.plugin.skills.internal.guard.TrustLevel;
import hermes.plugin.skills.internal.guard.Verdict;

/**
 * Every change to a skill made through Hermes (skill_manage, {@code hermes skills revert}): validated, optionally
 * guarded, written atomically in place (local or external root alike) and kept as a revision. Errors are
 * {@link IllegalArgumentException}s whose message tells the agent or user what to do.
 *
 * <p>Threading: any thread; writes are serialized.
 */
final class SkillEditor {

    static final Set<String> SUPPORT_DIRECTORIES = Set.of("references", "templates", "scripts", "assets");
    static final int MAX_SUPPORTING_FILE_BYTES = 1024 * 1024;
    static final String SKILL_FILE = "SKILL.md";

    /** Opens the revision store on first use. */
    @FunctionalInterface
    interface Revisions {
        RevisionStore get() throws IOException;
    }

    /**
     * What a change did.
     *
     * @param file the file changed, inside the skill
     * @param details extra result fields (strategy, diff, guard findings)
     */
    record Edit(String skill, Path directory, String file, int revision, String message,
                Map<String, Object> details) {
    }

    private final SkillCatalog catalog;
    private final Revisions revisions;
    private final Runnable changed;
    private final ReentrantLock writes = new ReentrantLock();

    /**
     * @param changed told after every change, so listings and slash commands follow
     */
    SkillEditor(SkillCatalog catalog, Revisions revisions, Runnable changed) {
        this.catalog = catalog;
        this.revisions = revisions;
        this.changed = changed;
    }

    Edit create(String name, Optional<String> category, String content, Actor actor, boolean guarded)
            throws IOException {
        SkillValidator.checkAgentName(name);
        SkillManifest manifest = SkillValidator.validate(content, true);
        if (!manifest.name().equals(name)) {
            throw new IllegalArgumentException("name: the front matter says '" + manifest.name() + "' but the name"
                    + " argument is '" + name + "'; make them the same");
        }
        Path target = categoryDirectory(catalog.localRoot(), category).resolve(name);
        return write(() -> {
            Optional<Skill> existing = catalog.find(name);
            if (existing.isPresent()) {
                throw new IllegalArgumentException("a skill named '" + name + "' already exists at "
                        + existing.get().directory() + "; change it with action=patch or action=edit, or choose"
                        + " another name");
            }
            if (Files.exists(target)) {
                throw new IllegalArgumentException(target + " already exists but holds no SKILL.md; choose another"
                        + " name or category");
            }
            Map<String, Object> details = guard(SKILL_FILE, content, guarded);
            int number = record(name, target, SKILL_FILE, "create", actor, Optional.empty(), Optional.of(content),
                    () -> AtomicFiles.write(target.resolve(SKILL_FILE), content));
            return new Edit(name, target, SKILL_FILE, number, "created skill '" + name + "'; it is listed from the"
                    + " next session on (skill_view works now)", details);
        });
    }

    Edit patch(String name, Optional<String> filePath, String oldString, String newString, boolean replaceAll,
               Actor actor, boolean guarded) throws IOException {
        return write(() -> {
            Skill skill = require(name);
            String file = filePath.map(SkillEditor::supportingPath).orElse(SKILL_FILE);
            Path path = existing(skill, file);
            String before = readText(path, file);
            FuzzyReplace.Replaced replaced = switch (FuzzyReplace.replace(before, oldString, newString, replaceAll)) {
                case FuzzyReplace.Failed failed -> throw new IllegalArgumentException(failed.message()
                        .replace("read_file", "skill_view").replace("in the file", "in " + file));
                case FuzzyReplace.Replaced done -> done;
            };
            String after = replaced.content();
            checkContent(skill, file, after);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("strategy", replaced.strategy());
            details.put("replacements", replaced.replacements());
            details.putAll(guard(file, after, guarded));
            int number = record(skill.name(), skill.directory(), file, "patch", actor, Optional.of(before),
                    Optional.of(after), () -> AtomicFiles.write(path, after));
            details.put("diff", revisionsOrFail().find(skill.name(), number).map(Revision::diff).orElse(""));
            return new Edit(skill.name(), skill.directory(), file, number, "patched " + file + " of '"
                    + skill.name() + "'", details);
        });
    }

    Edit edit(String name, String content, Actor actor, boolean guarded) throws IOException {
        return write(() -> {
            Skill skill = require(name);
            checkContent(skill, SKILL_FILE, content);
            Path path = skill.file();
            Optional<String> before = readIfPresent(path);
            Map<String, Object> details = guard(SKILL_FILE, content, guarded);
            int number = record(skill.name(), skill.directory(), SKILL_FILE, "edit", actor, before,
                    Optional.of(content), () -> AtomicFiles.write(path, content));
            return new Edit(skill.name(), skill.directory(), SKILL_FILE, number, "rewrote SKILL.md of '"
                    + skill.name() + "'", details);
        });
    }

    Edit delete(String name, Optional<String> absorbedInto, Actor actor) throws IOException {
        return write(() -> {
            Skill skill = require(name);
            if (absorbedInto.isPresent()) {
                if (absorbedInto.get().equals(skill.name())) {
                    throw new IllegalArgumentException("absorbed_into names the skill being deleted; give the skill"
                            + " that now holds its content");
                }
                require(absorbedInto.get());
            }
            Optional<String> reason = absorbedInto.map(target -> "absorbed into " + target
                    + actor.reason().map(text -> ": " + text).orElse("")).or(actor::reason);
            Optional<String> before = readIfPresent(skill.file());
            int number = record(skill.name(), skill.directory(), SKILL_FILE, "delete",
                    new Actor(actor.who(), reason), before, Optional.empty(),
                    () -> AtomicFiles.deleteTree(skill.directory()));
            return new Edit(skill.name(), skill.directory(), SKILL_FILE, number, "deleted skill '" + skill.name()
                    + "' (its SKILL.md stays in the revision history)", Map.of());
        });
    }

    Edit writeFile(String name, String filePath, String content, Actor actor, boolean guarded) throws IOException {
        String file = supportingPath(filePath);
        int bytes = content.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_SUPPORTING_FILE_BYTES) {
            throw new IllegalArgumentException(String.format("file_content: %,d bytes is over the limit of %,d"
                    + " (1 MiB) for a supporting file; split it into several files", bytes,
                    MAX_SUPPORTING_FILE_BYTES));
        }
        return write(() -> {
            Skill skill = require(name);
            Map<String, Object> details = guard(file, content, guarded);
            Path path = inside(skill, file);
            Optional<String> before = readIfPresent(path);
            int number = record(skill.name(), skill.directory(), file, "write_file", actor, before,
                    Optional.of(content), () -> AtomicFiles.write(path, content));
            return new Edit(skill.name(), skill.directory(), file, number, "wrote " + file + " of '" + skill.name()
                    + "'", details);
        });
    }

    Edit removeFile(String name, String filePath, Actor actor) throws IOException {
        String file = supportingPath(filePath);
        return write(() -> {
            Skill skill = require(name);
            Path path = existing(skill, file);
            Optional<String> before = readIfPresent(path);
            int number = record(skill.name(), skill.directory(), file, "remove_file", actor, before,
                    Optional.empty(), () -> Files.delete(path));
            return new Edit(skill.name(), skill.directory(), file, number, "removed " + file + " from '"
                    + skill.name() + "'", Map.of());
        });
    }

    /** Writes revision {@code number}'s content back as a new revision; history itself is never rewritten. */
    Edit revert(String name, int number, Actor actor) throws IOException {
        return write(() -> {
            Revision target = revisionsOrFail().find(name, number).orElseThrow(() -> new IllegalArgumentException(
                    "skill '" + name + "' has no revision " + number + "; list them with: hermes skills history "
                            + name));
            Path directory = catalog.find(name).map(Skill::directory).orElse(target.directory());
            Path path = directory.resolve(target.file());
            Optional<String> before = readIfPresent(path);
            if (before.equals(target.content())) {
                throw new IllegalArgumentException(target.file() + " of '" + name + "' already is as in revision "
                        + number + "; nothing to revert");
            }
            Optional<String> reason = Optional.of("revert to revision " + number
                    + actor.reason().map(text -> ": " + text).orElse(""));
            RevisionStore.FileWork work = target.content().isPresent()
                    ? () -> AtomicFiles.write(path, target.content().get())
                    : target.file().equals(SKILL_FILE) ? () -> AtomicFiles.deleteTree(directory)
                    : () -> Files.delete(path);
            int revision = record(name, directory, target.file(), "revert", new Actor(actor.who(), reason), before,
                    target.content(), work);
            return new Edit(name, directory, target.file(), revision, "reverted " + target.file() + " of '" + name
                    + "' to revision " + number + " (kept as revision " + revision + ")", Map.of());
        });
    }

    /** The folder of {@code category} (nested with '/') under {@code root}, checked segment by segment. */
    static Path categoryDirectory(Path root, Optional<String> category) {
        Path directory = root;
        for (String segment : category.map(text -> text.replace('\\', '/').split("/")).orElse(new String[0])) {
            if (!SkillValidator.AGENT_NAME.matcher(segment).matches()) {
                throw new IllegalArgumentException("category: '" + category.get() + "' must be folder names of"
                        + " lowercase letters, digits, '.', '_' and '-', separated by '/' (for example devops or"
                        + " mlops/inference)");
            }
            directory = directory.resolve(segment);
        }
        return directory;
    }

    /** A supporting file's path, checked: inside one of the four folders, no climbing out. */
    static String supportingPath(String filePath) {
        String path = filePath.strip().replace('\\', '/');
        List<String> segments = List.of(path.split("/"));
        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*") || segments.contains("..")
                || segments.contains(".") || segments.contains("") || segments.size() < 2
                || !SUPPORT_DIRECTORIES.contains(segments.getFirst())) {
            throw new IllegalArgumentException("file_path '" + filePath + "' must be a relative path inside"
                    + " references/, templates/, scripts/ or assets/ (for example references/api.md)");
        }
        return path;
    }

    private Skill require(String name) throws IOException {
        return catalog.find(name).orElseThrow(() -> new IllegalArgumentException("no skill named '" + name
                + "'; skills_list shows the installed skills"));
    }

    /** The path of {@code file} in the skill, refusing symlinked folders that lead out of it. */
    private static Path inside(Skill skill, String file) throws IOException {
        Path path = skill.directory().resolve(file).normalize();
        Path parent = path.getParent();
        Files.createDirectories(parent);
        if (!parent.toRealPath().startsWith(skill.directory().toRealPath()) || Files.isSymbolicLink(path)) {
            throw new IllegalArgumentException("file_path '" + file + "' leads out of the skill directory through a"
                    + " symlink; write somewhere else inside the skill");
        }
        return path;
    }

    private static Path existing(Skill skill, String file) throws IOException {
        Path path = skill.directory().resolve(file).normalize();
        if (!Files.isRegularFile(path) || !path.toRealPath().startsWith(skill.directory().toRealPath())) {
            throw new IllegalArgumentException("skill '" + skill.name() + "' has no file " + file
                    + "; skill_view(name) lists its linked files");
        }
        return path;
    }

    private static void checkContent(Skill skill, String file, String content) {
        if (file.equals(SKILL_FILE)) {
            SkillManifest manifest = SkillValidator.validate(content, false);
            if (!manifest.name().equals(skill.name())) {
                throw new IllegalArgumentException("name: the front matter now says '" + manifest.name() + "' but"
                        + " the skill is '" + skill.name() + "'; keep the name (to rename, create a new skill and"
                        + " delete this one with absorbed_into)");
            }
        } else if (content.getBytes(StandardCharsets.UTF_8).length > MAX_SUPPORTING_FILE_BYTES) {
            throw new IllegalArgumentException(file + " would be over the limit of 1 MiB for a supporting file;"
                    + " split it into several files");
        }
    }

    /** Runs the guard as for an agent-created skill; a dangerous verdict refuses the write. */
    private static Map<String, Object> guard(String file, String content, boolean guarded) {
        if (!guarded) {
            return Map.of();
        }
        List<Finding> findings = SkillGuard.scanFile(file, content);
        ScanReport report = new ScanReport(file, findings);
        Verdict verdict = report.verdict();
        if (InstallPolicy.decide(TrustLevel.AGENT_CREATED, verdict, false) != InstallPolicy.Decision.ALLOW) {
            throw new GuardRefusal(report);
        }
        if (verdict == Verdict.SAFE) {
            return Map.of();
        }
        return Map.of("guard", Map.of("verdict", verdict.wireName(), "findings", report.findingsAsMaps()));
    }

    private int record(String skill, Path directory, String file, String action, Actor actor,
                       Optional<String> before, Optional<String> after, RevisionStore.FileWork work)
            throws IOException {
        return revisionsOrFail().record(new Revision.Change(skill, file, action, actor.who(), actor.reason(),
                directory, before, after), work);
    }

    private RevisionStore revisionsOrFail() throws IOException {
        return revisions.get();
    }

    @FunctionalInterface
    private interface Write {
        Edit run() throws IOException;
    }

    private Edit write(Write write) throws IOException {
        writes.lock();
        try {
            return write.run();
        } finally {
            catalog.invalidate();
            writes.unlock();
            changed.run();
        }
    }

    private static String readText(Path path, String file) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!java.util.Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes)) {
            throw new IllegalArgumentException(file + " is not UTF-8 text, so it cannot be patched; replace it"
                    + " with action=write_file");
        }
        return text;
    }

    static Optional<String> readIfPresent(Path path) throws IOException {
        // lenient decoding: a binary file being replaced or removed must not stop the change
        return Files.isRegularFile(path) ? Optional.of(new String(Files.readAllBytes(path), StandardCharsets.UTF_8))
                : Optional.empty();
    }
}
