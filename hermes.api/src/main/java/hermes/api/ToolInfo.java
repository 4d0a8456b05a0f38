package hermes.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A registered tool as {@code /tools} shows it.
 *
 * @param name the tool name
 * @param toolset its toolset
 * @param origin what provides it: a bundle symbolic name, or a plugin jar's file name
 * @param status whether it is offered
 * @param detail why not, when it is not offered
 */
public record ToolInfo(String name, String toolset, String origin, Status status, Optional<String> detail) {

    public ToolInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(toolset, "toolset");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    public enum Status {
        /** Offered to the model. */
        ACTIVE,
        /** Its availability check failed (for example a missing environment variable). */
        UNAVAILABLE,
        /** Its name is owned by another toolset and it does not declare an override. */
        SHADOWED
    }
}
