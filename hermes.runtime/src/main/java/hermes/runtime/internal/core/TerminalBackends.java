package hermes.runtime.internal.core;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import hermes.api.TerminalBackend;
import hermes.runtime.internal.models.ServiceKey;

/** The installed terminal backends by {@code hermes.id}; looked up around every use so a backend can be replaced. */
@Component(service = TerminalBackends.class)
public final class TerminalBackends {

    private final Map<ServiceKey, TerminalBackend> backends = new ConcurrentHashMap<>();

    /** Binds a backend; public so tests register backends without a framework. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addBackend(TerminalBackend backend, Map<String, Object> properties) {
        backends.put(ServiceKey.of(properties), backend);
    }

    public void removeBackend(TerminalBackend backend, Map<String, Object> properties) {
        backends.remove(ServiceKey.of(properties));
    }

    /** The backend registered as {@code id}; the highest-ranked one when several are. */
    public Optional<TerminalBackend> find(String id) {
        return backends.entrySet().stream()
                .filter(e -> id.equals(e.getKey().id()))
                .max(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue);
    }
}
