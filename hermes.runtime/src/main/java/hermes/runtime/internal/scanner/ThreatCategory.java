package hermes.runtime.internal.scanner;

import java.util.Locale;

/** The eight attack classes the scanner's patterns are grouped by (behaviour reference §4). */
public enum ThreatCategory {
    /** Zero-width, invisible-operator and bidi control characters. */
    INVISIBLE_UNICODE,
    /** "Ignore previous instructions" and its relatives. */
    PROMPT_INJECTION,
    /** Instructions hidden in HTML comments or invisible elements. */
    HIDDEN_HTML,
    /** "You are now …", "pretend to be …", fake updates, prompt leaks. */
    ROLE_HIJACK,
    /** C2-style promptware: node registration, beacons, anti-forensics, red-team framework names. */
    PROMPTWARE,
    /** Secrets sent out with curl/wget, secret files read, conversation leaks. */
    EXFILTRATION,
    /** SSH keys, the Hermes .env, edits to agent configuration files. */
    PERSISTENCE,
    /** A literal API key, token, secret or password. */
    HARDCODED_SECRET;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
