package hermes.plugin.skills.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import hermes.plugin.skills.internal.guard.InstallPolicy;
import hermes.plugin.skills.internal.guard.ScanReport;
import hermes.plugin.skills.internal.guard.SkillGuard;
import hermes.plugin.skills.internal.guard.TrustLevel;
import hermes.plugin.skills.internal.guard.Verdict;

/**
 * {@code hermes skills install <dir|url>}: the skill is copied (a directory) or downloaded (a SKILL.md URL) into
 * {@code skills/.hub/quarantine/}, validated, scanned by the guard with community trust, judged by the install policy
 * ({@code --force} per its rule) and only then moved into place. Provenance goes to {@code skills/.hub/lock.json} and
 * the decision to {@code audit.log}; the installed SKILL.md becomes the skill's first revision.
 */
final class SkillInstaller {

    private static final long MAX_DOWNLOAD_BYTES = 1024 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final SkillLibrary library;
    private final HubLock lock;

    SkillInstaller(SkillLibrary library) {
        this.library = library;
        this.lock = new HubLock(library.home());
    }

    /** @return what happened, for the user */
    String install(String source, boolean force, Optional<String> category, Actor actor)
            throws IOException, InterruptedException {
        Path quarantine = library.home().quarantine().resolve(UUID.randomUUID().toString());
        Files.createDirectories(quarantine);
        try {
            boolean url = source.startsWith("http://") || source.startsWith("https://");
            if (url) {
                download(source, quarantine.resolve(SkillEditor.SKILL_FILE));
            } else {
                copy(source, quarantine);
            }
            String content = Files.readString(quarantine.resolve(SkillEditor.SKILL_FILE), StandardCharsets.UTF_8);
            SkillManifest manifest;
            try {
                manifest = SkillValidator.validate(content, true);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot install " + source + ": " + e.getMessage());
            }
            String name = manifest.name();
            Optional<Skill> existing = library.find(name);
            if (existing.isPresent()) {
                throw new IllegalArgumentException("a skill named '" + name + "' is already installed at "
                        + existing.get().directory() + "; remove it first, or edit it instead of installing");
            }
            ScanReport report = new ScanReport(name, SkillGuard.scanDirectory(quarantine).findings());
            Verdict verdict = report.verdict();
            InstallPolicy.Decision decision = InstallPolicy.decide(TrustLevel.COMMUNITY, verdict, force);
            lock.audit((decision == InstallPolicy.Decision.ALLOW ? "INSTALL " : "BLOCKED ") + name + " from "
                    + source + " verdict=" + verdict.wireName() + (force ? " --force" : ""));
            if (decision != InstallPolicy.Decision.ALLOW) {
                throw new IllegalArgumentException("install of '" + name + "' blocked: a community source with"
                        + " verdict " + verdict.wireName() + ".\n" + report.format() + "\n" + (verdict
                        == Verdict.DANGEROUS ? "A dangerous skill from outside is never installed, not even with"
                        + " --force; review the findings with its author." : "If you trust it after reading the"
                        + " findings, run the install again with --force."));
            }
            Path target = SkillEditor.categoryDirectory(library.home().skills(),
                    category.or(manifest::category)).resolve(name);
            if (Files.exists(target)) {
                throw new IllegalArgumentException(target + " already exists; remove it or install with --category"
                        + " <another folder>");
            }
            String hash = HubLock.contentHash(quarantine);
            library.revisions().record(new Revision.Change(name, SkillEditor.SKILL_FILE, "install", actor.who(),
                    Optional.of("installed from " + source + actor.reason().map(text -> ": " + text).orElse("")),
                    target, Optional.empty(), Optional.of(content)), () -> {
                        Files.createDirectories(target.getParent());
                        Files.move(quarantine, target, StandardCopyOption.ATOMIC_MOVE);
                    });
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("source", url ? "url" : "directory");
            entry.put("identifier", source);
            entry.put("trust_level", TrustLevel.COMMUNITY.wireName());
            entry.put("verdict", verdict.wireName());
            entry.put("forced", force);
            entry.put("content_hash", hash);
            entry.put("install_path", target.toString());
            entry.put("installed_at", Instant.now().toString());
            lock.record(name, entry);
            library.changed();
            return "installed '" + name + "' into " + target + " (community source, verdict " + verdict.wireName()
                    + (force && verdict != Verdict.SAFE ? ", forced" : "") + ")"
                    + (report.findings().isEmpty() ? "" : "\n" + report.format());
        } finally {
            AtomicFiles.deleteTree(quarantine);
        }
    }

    HubLock lock() {
        return lock;
    }

    private static void download(String source, Path file) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(source)).timeout(TIMEOUT).GET().build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + source + "' is not a valid URL; give the address of a SKILL.md");
        }
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IllegalArgumentException("downloading " + source + " failed with HTTP "
                        + response.statusCode() + "; check the address (it must serve the raw SKILL.md)");
            }
            byte[] bytes = body.readNBytes((int) MAX_DOWNLOAD_BYTES + 1);
            if (bytes.length > MAX_DOWNLOAD_BYTES) {
                throw new IllegalArgumentException(source + " is larger than 1 MiB, which no SKILL.md should be");
            }
            Files.write(file, bytes);
        }
    }

    /** Copies a skill directory without following symlinks, so the guard sees them as they are. */
    private static void copy(String source, Path quarantine) throws IOException {
        Path path = source.equals("~") || source.startsWith("~/")
                ? Path.of(System.getProperty("user.home")).resolve(source.length() > 1 ? source.substring(2) : "")
                : Path.of(source);
        Path directory = path.getFileName() != null && path.getFileName().toString().equals(SkillEditor.SKILL_FILE)
                ? path.toAbsolutePath().getParent() : path;
        if (!Files.isRegularFile(directory.resolve(SkillEditor.SKILL_FILE))) {
            throw new IllegalArgumentException(source + " holds no SKILL.md; give a skill directory, its SKILL.md,"
                    + " or an http(s) URL of a SKILL.md");
        }
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(directory)) {
            entries = walk.filter(entry -> !entry.equals(directory)).toList();
        }
        for (Path entry : entries) {
            Path target = quarantine.resolve(directory.relativize(entry).toString());
            if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(target);
            } else {
                Files.createDirectories(target.getParent());
                Files.copy(entry, target, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
