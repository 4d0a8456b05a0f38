package hermes.runtime.internal.plugins;

import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/** Reads Declarative Services' view of a plugin: a component that failed to activate, or one still waiting. */
final class ComponentProblems {

    private ComponentProblems() {
    }

    /** The first failed activation of a bundle's components, with the exception's message. */
    static Optional<String> failure(ServiceComponentRuntime scr, Bundle bundle) {
        if (scr == null) {
            return Optional.empty();
        }
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    return Optional.of("component " + description.name + " failed to activate: "
                            + summarise(configuration.failure)
                            + " (fix the plugin and copy the jar again; it is reloaded on change)");
                }
            }
        }
        return Optional.empty();
    }

    /** The services a bundle's components still wait for, if any. */
    static Optional<String> waiting(ServiceComponentRuntime scr, Bundle bundle) {
        if (scr == null) {
            return Optional.empty();
        }
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                for (UnsatisfiedReferenceDTO reference : configuration.unsatisfiedReferences) {
                    return Optional.of("component " + description.name + " waits for its reference '"
                            + reference.name + "' to be satisfied");
                }
            }
        }
        return Optional.empty();
    }

    /** The exception line and its root cause from a stack trace text. */
    static String summarise(String failure) {
        if (failure == null || failure.isBlank()) {
            return "no details";
        }
        String[] lines = failure.strip().split("\\R");
        String first = lines[0].strip();
        for (int i = lines.length - 1; i > 0; i--) {
            String line = lines[i].strip();
            if (line.startsWith("Caused by: ")) {
                String cause = line.substring("Caused by: ".length());
                return cause.equals(first) ? first : first + " (caused by " + cause + ")";
            }
        }
        return first;
    }
}
