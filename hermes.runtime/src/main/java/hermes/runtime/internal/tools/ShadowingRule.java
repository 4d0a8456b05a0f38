package hermes.runtime.internal.tools;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The original's rule for two tools with one name: a later registration in the same toolset replaces the earlier one;
 * a tool from another toolset is refused unless it declares {@code overrides}; two {@code mcp-*} toolsets replace each
 * other. Recomputed from scratch on every change, so the result never depends on the order of unbinds (DESIGN §8.6).
 */
final class ShadowingRule {

    private ShadowingRule() {
    }

    /** The owner of every name, and the refused candidates. */
    record Outcome(Map<String, RegisteredTool> owners, List<RegisteredTool> shadowed) {
    }

    static Outcome apply(List<RegisteredTool> candidates) {
        List<RegisteredTool> inOrder = new ArrayList<>(candidates);
        inOrder.sort(Comparator.comparingLong(RegisteredTool::order));
        Map<String, RegisteredTool> owners = new HashMap<>();
        List<RegisteredTool> shadowed = new ArrayList<>();
        for (RegisteredTool candidate : inOrder) {
            RegisteredTool owner = owners.get(candidate.spec().name());
            if (owner == null || replaces(candidate, owner)) {
                if (owner != null && !owner.spec().toolset().equals(candidate.spec().toolset())) {
                    shadowed.add(owner);
                }
                owners.put(candidate.spec().name(), candidate);
            } else {
                shadowed.add(candidate);
            }
        }
        return new Outcome(Map.copyOf(owners), List.copyOf(shadowed));
    }

    private static boolean replaces(RegisteredTool later, RegisteredTool owner) {
        String laterSet = later.spec().toolset();
        String ownerSet = owner.spec().toolset();
        return laterSet.equals(ownerSet)
                || later.spec().overrides()
                || (laterSet.startsWith("mcp-") && ownerSet.startsWith("mcp-"));
    }
}
