package hermes.plugin.skills.internal.guard;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the guard found in one skill.
 *
 * @param skill the skill's name (its directory name for a directory scan)
 * @param findings every finding, most severe first
 */
public record ScanReport(String skill, List<Finding> findings) {

    public ScanReport {
        findings = findings.stream()
                .sorted(Comparator.comparing(Finding::severity).thenComparing(Finding::file)
                        .thenComparingInt(Finding::line))
                .toList();
    }

    public Verdict verdict() {
        return Verdict.of(findings);
    }

    /** The findings above {@code severity} (more severe than it). */
    public List<Finding> above(Severity severity) {
        return findings.stream().filter(finding -> finding.severity().compareTo(severity) < 0).toList();
    }

    /** A few lines for people: the verdict, then one line per finding. */
    public String format() {
        StringBuilder text = new StringBuilder(skill).append(": ").append(verdict().wireName());
        if (findings.isEmpty()) {
            return text.append(" (no findings)").toString();
        }
        Map<Category, Long> byCategory = findings.stream()
                .collect(Collectors.groupingBy(Finding::category, Collectors.counting()));
        text.append(" — ").append(findings.size()).append(findings.size() == 1 ? " finding" : " findings")
                .append(" (").append(byCategory.keySet().stream().map(Category::wireName).sorted()
                        .collect(Collectors.joining(", "))).append(')');
        for (Finding finding : findings) {
            text.append(String.format("%n  %-8s %-20s %-28s %s — %s", finding.severity().wireName().toUpperCase(),
                    finding.category().wireName(), finding.location(), finding.patternId(), finding.match()));
        }
        return text.toString();
    }

    /** The findings as JSON-ready maps, for tool results. */
    public List<Map<String, Object>> findingsAsMaps() {
        return findings.stream().map(finding -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", finding.patternId());
            entry.put("severity", finding.severity().wireName());
            entry.put("category", finding.category().wireName());
            entry.put("location", finding.location());
            entry.put("match", finding.match());
            entry.put("description", finding.description());
            return entry;
        }).toList();
    }
}
