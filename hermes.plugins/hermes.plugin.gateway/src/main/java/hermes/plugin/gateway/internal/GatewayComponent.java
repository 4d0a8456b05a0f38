package hermes.plugin.gateway.internal;

import java.util.Hashtable;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import hermes.api.AgentRuntime;
import hermes.api.Channel;
import hermes.api.Command;
import hermes.api.Configuration;
import hermes.api.Messenger;

/**
 * The gateway as a component of this bundle: tracks every {@link Channel} and every {@link Command} (dynamic,
 * multiple, greedy) for the {@code gateway} and {@code platform} commands, which run it. Nothing is started or opened
 * until {@code hermes gateway run}; deactivation stops a running gateway (and so ends {@code gateway run}).
 *
 * <p>While the gateway runs, this component offers the {@link Messenger} service (the outbox for messages outside a
 * conversation); the cron scheduler ticks exactly while it is there.
 *
 * <p>Commands are tracked by reference and fetched only when a chat uses one: this bundle's own commands reference
 * this component, and fetching them while it activates would be a cycle.
 */
@Component(service = GatewayComponent.class)
public final class GatewayComponent {

    private final Gateway gateway;
    private final BundleContext context;
    private final ConcurrentMap<ServiceReference<Command>, Boolean> fetched = new ConcurrentHashMap<>();
    private ServiceRegistration<Messenger> messenger;

    @Activate
    public GatewayComponent(@Reference Configuration configuration, @Reference AgentRuntime runtime,
                            BundleContext context) {
        this.context = context;
        this.gateway = new Gateway(new GatewaySettings(configuration), runtime, Gateway.Options.real());
        gateway.whenRunningChanges(this::offerMessenger);
    }

    private synchronized void offerMessenger(boolean running) {
        if (running && messenger == null) {
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put("hermes.id", "gateway");
            messenger = context.registerService(Messenger.class, new GatewayMessenger(gateway), properties);
        } else if (!running && messenger != null) {
            try {
                messenger.unregister();
            } catch (IllegalStateException bundleStopping) {
                // the framework removed it already
            }
            messenger = null;
        }
    }

    Gateway gateway() {
        return gateway;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addChannel(Channel channel) {
        gateway.addChannel(channel);
    }

    void removeChannel(Channel channel) {
        gateway.removeChannel(channel);
    }

    @Reference(service = Command.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addCommand(ServiceReference<Command> reference) {
        gateway.commands().add(reference, () -> {
            Command command = context.getService(reference);
            if (command != null) {
                // one use count per reference, whatever the number of fetches
                if (fetched.putIfAbsent(reference, Boolean.TRUE) != null) {
                    context.ungetService(reference);
                }
            }
            return Optional.ofNullable(command);
        });
    }

    void removeCommand(ServiceReference<Command> reference) {
        gateway.commands().remove(reference);
        if (fetched.remove(reference) != null) {
            try {
                context.ungetService(reference);
            } catch (IllegalStateException bundleStopping) {
                // the framework released it already
            }
        }
    }

    @Deactivate
    void deactivate() {
        gateway.close();
    }
}
