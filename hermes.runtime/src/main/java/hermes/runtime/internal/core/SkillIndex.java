package hermes.runtime.internal.core;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import hermes.api.SkillSource;
import hermes.api.SkillSource.Activation;
import hermes.api.SkillSource.SkillInfo;
import hermes.api.ToolSpec;
import hermes.runtime.internal.scanner.Scope;
import hermes.runtime.internal.scanner.ThreatScanner;

/**
 * Which skills a session's index lists (reference §5): every source's skills, the first source to name a skill wins
 * (sources come ordered by ranking, local before external), then filtered by platform, by {@code skills.disabled}, by
 * conditional activation against the session's tools, and by the strict threat scan of the description — a poisoned
 * description never reaches the prompt.
 */
final class SkillIndex {

    /** Scan verdicts by index line; bounded, and cleared when full rather than tracked for recency. */
    private static final Map<String, Boolean> SCANNED = new ConcurrentHashMap<>();
    private static final int MAX_REMEMBERED = 4096;

    private SkillIndex() {
    }

    /** The listed skills grouped by category (sorted; the top level as ""), each group sorted by name. */
    static Map<String, List<SkillInfo>> select(Collection<SkillSource> sources, List<ToolSpec> tools,
                                               List<String> disabled, Consumer<String> warn) {
        Map<String, SkillInfo> byName = new LinkedHashMap<>();
        for (SkillSource source : sources) {
            try {
                for (SkillInfo skill : source.skills()) {
                    byName.putIfAbsent(skill.name(), skill);
                }
            } catch (IOException | RuntimeException e) {
                warn.accept("skills of source '" + source.id() + "' are left out: " + e.getMessage());
            }
        }
        Set<String> toolNames = tools.stream().map(ToolSpec::name).collect(Collectors.toSet());
        Set<String> toolsets = tools.stream().map(ToolSpec::toolset).collect(Collectors.toSet());
        Map<String, List<SkillInfo>> grouped = new TreeMap<>();
        for (SkillInfo skill : byName.values()) {
            if (disabled.contains(skill.name()) || !active(skill.activation(), toolNames, toolsets)) {
                continue;
            }
            if (poisoned(skill)) {
                warn.accept("skill '" + skill.name() + "' is left out of the index: its description matches a"
                        + " threat pattern (check it with: hermes skills audit " + skill.name() + ")");
                continue;
            }
            grouped.computeIfAbsent(skill.category(), c -> new ArrayList<>()).add(skill);
        }
        grouped.values().forEach(list -> list.sort((a, b) -> a.name().compareTo(b.name())));
        return grouped;
    }

    /**
     * Whether the skill's index line fails the strict scan. Remembered per text: a gateway opens a session per request
     * and the scan of every description was most of a turn's CPU (bench/gateway); the texts rarely change.
     */
    private static boolean poisoned(SkillInfo skill) {
        String line = skill.name() + "\n" + skill.description();
        Boolean known = SCANNED.get(line);
        if (known != null) {
            return known;
        }
        boolean blocked = ThreatScanner.scan(line, Scope.STRICT).blocked();
        if (SCANNED.size() >= MAX_REMEMBERED) {
            SCANNED.clear();
        }
        SCANNED.put(line, blocked);
        return blocked;
    }

    static boolean active(Activation activation, Set<String> tools, Set<String> toolsets) {
        if (!activation.platforms().isEmpty() && !activation.platforms().contains(currentPlatform())) {
            return false;
        }
        if (activation.fallbackForTools().stream().anyMatch(tools::contains)
                || activation.fallbackForToolsets().stream().anyMatch(toolsets::contains)) {
            return false;
        }
        return tools.containsAll(activation.requiresTools()) && toolsets.containsAll(activation.requiresToolsets());
    }

    /** The front matter's platform names: {@code macos}, {@code linux}, {@code windows}. */
    static String currentPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return os.contains("mac") || os.contains("darwin") ? "macos" : os.contains("win") ? "windows" : "linux";
    }
}
