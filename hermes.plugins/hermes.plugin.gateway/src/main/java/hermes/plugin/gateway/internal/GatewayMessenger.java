package hermes.plugin.gateway.internal;

import java.io.IOException;
import java.util.Optional;

import hermes.api.Channel;
import hermes.api.Messenger;

/**
 * The gateway's {@link Messenger}: a message outside a conversation (a cron delivery) goes into the durable outbox of
 * its chat and is delivered by that chat's sender, in order with the chat's replies and retried while the platform is
 * down. Offered as a service only while the gateway runs ({@link GatewayComponent}), so its presence also tells other
 * bundles that this process is the gateway.
 *
 * <p>Threading: any thread.
 */
final class GatewayMessenger implements Messenger {

    private final Gateway gateway;

    GatewayMessenger(Gateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public void send(String platform, Channel.Outbound message) throws IOException {
        gateway.queue(platform, message);
    }

    @Override
    public Optional<String> homeChat(String platform) {
        return gateway.settings().homeChat(platform);
    }
}
