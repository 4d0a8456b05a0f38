package hermes.runtime.internal.scanner;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import hermes.runtime.internal.json.PythonJson;

/**
 * What {@link ThreatScanner#scan} found. Any finding blocks: the callers that only warn (tool results) decide that for
 * themselves from the findings.
 *
 * @param blocked  whether any pattern matched
 * @param findings the matches, invisible characters first (by code point), then patterns in the original's order
 */
public record ScanResult(boolean blocked, List<Finding> findings) {


    public ScanResult {
        findings = List.copyOf(findings);
        if (blocked == findings.isEmpty()) {
            throw new IllegalArgumentException("a scan is blocked exactly when it has findings");
        }
    }

    static ScanResult of(List<Finding> findings) {
        return new ScanResult(!findings.isEmpty(), findings);
    }

    /** The pattern ids in order, as the original's {@code scan_for_threats} returns them. */
    public List<String> ids() {
        return findings.stream().map(Finding::id).toList();
    }

    /**
     * {@code {"blocked": true|false, "findings": [{"id": "…", "category": "…", "excerpt": "…"}]}}, spaced like Python's
     * {@code json.dumps}.
     */
    public String toJson() {
        ObjectNode root = PythonJson.object();
        root.put("blocked", blocked);
        ArrayNode array = root.putArray("findings");
        for (Finding finding : findings) {
            array.addObject()
                    .put("id", finding.id())
                    .put("category", finding.category().jsonName())
                    .put("excerpt", finding.excerpt());
        }
        return PythonJson.write(root);
    }
}
