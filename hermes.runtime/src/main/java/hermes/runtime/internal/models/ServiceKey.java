package hermes.runtime.internal.models;

import java.util.Map;

/**
 * A service's identity and rank from its properties, so registries can key services without holding framework
 * objects: higher ranking wins, then the older service (lower id), as the framework orders references.
 *
 * @param id the {@code hermes.id} property, or empty
 */
public record ServiceKey(long serviceId, int ranking, String id) implements Comparable<ServiceKey> {

    public static ServiceKey of(Map<String, Object> properties) {
        Object serviceId = properties.get("service.id");
        Object ranking = properties.get("service.ranking");
        Object id = properties.get("hermes.id");
        return new ServiceKey(serviceId instanceof Number n ? n.longValue() : 0,
                ranking instanceof Integer r ? r : 0, id == null ? "" : String.valueOf(id));
    }

    @Override
    public int compareTo(ServiceKey other) {
        int byRank = Integer.compare(ranking, other.ranking);
        return byRank != 0 ? byRank : Long.compare(other.serviceId, serviceId);
    }
}
