package hermes.plugin.skills.internal.guard;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every line-level pattern of the skills guard, with unique ids. */
public final class GuardPatterns {

    public static final List<GuardPattern> ALL = collect();

    private GuardPatterns() {
    }

    private static List<GuardPattern> collect() {
        List<GuardPattern> all = new ArrayList<>(AttackPatterns.ALL);
        all.addAll(SystemPatterns.ALL);
        Set<String> ids = new HashSet<>();
        for (GuardPattern pattern : all) {
            if (!ids.add(pattern.id())) {
                throw new IllegalStateException("two guard patterns share the id " + pattern.id());
            }
        }
        return List.copyOf(all);
    }
}
