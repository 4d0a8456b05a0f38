package hermes.plugin.skills.internal;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The text tables of the skills command. */
final class SkillTables {

    private static final int MAX_DESCRIPTION_CHARS = 60;
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private SkillTables() {
    }

    /**
     * Skills by category: name, source (bundled, local, external), whether a bundled skill was modified, description.
     *
     * @param bundled the bundled manifest, name to the hash installed
     */
    static String list(SkillCatalog.Listing listing, Map<String, String> bundled) throws IOException {
        if (listing.skills().isEmpty()) {
            return "no skills installed yet (the agent creates them with skill_manage; skills install <dir|url>"
                    + " adds one)";
        }
        Map<String, List<String[]>> byCategory = new LinkedHashMap<>();
        for (Skill skill : listing.skills()) {
            boolean isBundled = skill.origin() == Skill.Origin.LOCAL && bundled.containsKey(skill.name());
            String source = isBundled ? "bundled" : skill.origin() == Skill.Origin.LOCAL ? "local" : "external";
            String modified = !isBundled ? "-" : bundled.get(skill.name()).isEmpty() ? "?"
                    : BundledSkills.hashDirectory(skill.directory()).equals(bundled.get(skill.name())) ? "no" : "yes";
            byCategory.computeIfAbsent(skill.category().isEmpty() ? "(no category)" : skill.category(),
                    key -> new ArrayList<>()).add(new String[] {skill.name(), source, modified,
                            shorten(skill.description())});
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "SOURCE", "MODIFIED", "DESCRIPTION"});
        byCategory.values().forEach(rows::addAll);
        int[] widths = widths(rows);
        StringBuilder text = new StringBuilder();
        text.append(row(rows.getFirst(), widths, "  "));
        byCategory.forEach((category, skills) -> {
            text.append('\n').append(category).append('\n');
            skills.forEach(cells -> text.append(row(cells, widths, "  ")));
        });
        text.append('\n').append(listing.skills().size()).append(listing.skills().size() == 1 ? " skill" : " skills");
        listing.problems().forEach(problem -> text.append("\nskipped: ").append(problem));
        return text.toString();
    }

    /** Revisions: number, when, who, action and file, lines added and removed, why. */
    static String history(String name, List<Revision> revisions) {
        if (revisions.isEmpty()) {
            return "no revisions of '" + name + "' yet; every change made through Hermes is kept from the first one";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"REV", "WHEN", "WHO", "WHAT", "+/-", "WHY"});
        for (Revision revision : revisions) {
            rows.add(new String[] {Integer.toString(revision.number()), WHEN.format(revision.at()),
                    revision.author(), revision.action() + " " + revision.file(),
                    "+" + revision.added() + " -" + revision.removed(), revision.reason().orElse("")});
        }
        int[] widths = widths(rows);
        StringBuilder text = new StringBuilder("history of ").append(name).append('\n');
        rows.forEach(cells -> text.append(row(cells, widths, "")));
        return text.append("skills diff ").append(name).append(" <rev> shows a change; skills revert ").append(name)
                .append(" <rev> brings one back").toString();
    }

    private static String shorten(String text) {
        return text.length() > MAX_DESCRIPTION_CHARS ? text.substring(0, MAX_DESCRIPTION_CHARS - 3) + "..." : text;
    }

    private static int[] widths(List<String[]> rows) {
        int[] widths = new int[rows.getFirst().length];
        for (String[] cells : rows) {
            for (int i = 0; i < cells.length; i++) {
                widths[i] = Math.max(widths[i], cells[i].length());
            }
        }
        return widths;
    }

    private static String row(String[] cells, int[] widths, String indent) {
        StringBuilder line = new StringBuilder(indent);
        for (int i = 0; i < cells.length; i++) {
            line.append(i == cells.length - 1 ? cells[i] : String.format("%-" + widths[i] + "s  ", cells[i]));
        }
        return line.toString().stripTrailing() + "\n";
    }
}
