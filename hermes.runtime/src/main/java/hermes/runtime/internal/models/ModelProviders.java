package hermes.runtime.internal.models;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import hermes.api.ModelInterceptor;
import hermes.api.ModelProvider;

/**
 * The installed wire formats ({@code ModelProvider} services by {@code hermes.id}) and model interceptors. Lookups
 * happen around every call and nothing keeps a provider object, so a provider plugin can be replaced between calls
 * (DESIGN §8.1).
 */
@Component(service = ModelProviders.class)
public final class ModelProviders {

    private final Map<ServiceKey, ModelProvider> providers = new ConcurrentHashMap<>();
    private final List<Ranked> interceptors = new CopyOnWriteArrayList<>();

    private record Ranked(ServiceReference<ModelInterceptor> reference, ModelInterceptor interceptor) {
    }

    /** Binds a provider; public so tests register providers without a framework. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addProvider(ModelProvider provider, Map<String, Object> properties) {
        providers.put(ServiceKey.of(properties), provider);
    }

    public void removeProvider(ModelProvider provider, Map<String, Object> properties) {
        providers.remove(ServiceKey.of(properties));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addInterceptor(ServiceReference<ModelInterceptor> reference, ModelInterceptor interceptor) {
        interceptors.add(new Ranked(reference, interceptor));
    }

    void removeInterceptor(ServiceReference<ModelInterceptor> reference) {
        interceptors.removeIf(r -> r.reference().equals(reference));
    }

    /** The provider registered for {@code wire}; the highest-ranked one when several are. */
    public Optional<ModelProvider> find(String wire) {
        return providers.entrySet().stream()
                .filter(e -> wire.equals(e.getKey().id()) || wire.equals(safeId(e.getValue())))
                .max(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue);
    }

    /** Whether a provider with this id is installed. */
    public boolean has(String wire) {
        return find(wire).isPresent();
    }

    /** The model interceptors, highest service ranking first (outermost). */
    public List<ModelInterceptor> interceptors() {
        return interceptors.stream().sorted((a, b) -> b.reference().compareTo(a.reference()))
                .map(Ranked::interceptor).toList();
    }

    private static String safeId(ModelProvider provider) {
        try {
            return provider.id();
        } catch (RuntimeException e) {
            return "";
        }
    }
}
