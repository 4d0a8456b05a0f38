package hermes.plugin.gateway.internal;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may talk to the agent, default deny, in the original's order ({@code _is_user_authorized}):
 * <ol>
 *   <li>{@code <PLATFORM>_ALLOW_ALL_USERS}</li>
 *   <li>the users approved by DM pairing</li>
 *   <li>{@code <PLATFORM>_ALLOWED_USERS} (comma-separated ids)</li>
 *   <li>{@code GATEWAY_ALLOWED_USERS}</li>
 *   <li>{@code GATEWAY_ALLOW_ALL_USERS}</li>
 *   <li>otherwise deny; with none of these configured the log says once per platform that everyone is denied.</li>
 * </ol>
 * A sender without a user id is always denied.
 */
final class Authorizer {

    private static final System.Logger LOG = System.getLogger(Authorizer.class.getName());

    /** Which rule let a sender in, for the log and the tests. */
    enum Grant { PLATFORM_ALLOW_ALL, PAIRED, PLATFORM_ALLOWLIST, GATEWAY_ALLOWLIST, GATEWAY_ALLOW_ALL }

    private final GatewaySettings settings;
    private final PairingStore pairing;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    Authorizer(GatewaySettings settings, PairingStore pairing) {
        this.settings = settings;
        this.pairing = pairing;
    }

    /** The rule that admits {@code userId} on {@code platform}, or empty when the sender is denied. */
    Optional<Grant> authorize(String platform, Optional<String> userId) {
        if (userId.isEmpty() || userId.get().isBlank()) {
            return Optional.empty();
        }
        String user = userId.get();
        String prefix = GatewaySettings.environmentPrefix(platform);
        if (settings.flag(GatewaySettings.ENV_ALLOW_ALL_USERS.formatted(prefix))) {
            return Optional.of(Grant.PLATFORM_ALLOW_ALL);
        }
        if (paired(platform, user)) {
            return Optional.of(Grant.PAIRED);
        }
        Optional<String> platformList = settings.secret(GatewaySettings.ENV_ALLOWED_USERS.formatted(prefix));
        if (listed(platformList, user)) {
            return Optional.of(Grant.PLATFORM_ALLOWLIST);
        }
        Optional<String> gatewayList = settings.secret(GatewaySettings.GATEWAY_ALLOWED_USERS);
        if (listed(gatewayList, user)) {
            return Optional.of(Grant.GATEWAY_ALLOWLIST);
        }
        if (settings.flag(GatewaySettings.GATEWAY_ALLOW_ALL_USERS)) {
            return Optional.of(Grant.GATEWAY_ALLOW_ALL);
        }
        if (platformList.isEmpty() && gatewayList.isEmpty() && warned.add(platform)) {
            LOG.log(System.Logger.Level.WARNING, "no user is allowed on " + platform + ", so every message is"
                    + " refused: set " + prefix + "_ALLOWED_USERS or GATEWAY_ALLOWED_USERS (comma-separated ids) in"
                    + " $HERMES_HOME/.env, or approve users with hermes pairing approve " + platform + " <code>");
        }
        return Optional.empty();
    }

    private boolean paired(String platform, String user) {
        try {
            return pairing.isApproved(platform, user);
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "the pairing list of " + platform + " cannot be read, so paired"
                    + " users are refused until it is fixed: " + e.getMessage());
            return false;
        }
    }

    /** Ids compare without case: email addresses are case-insensitive, and numeric ids do not care. */
    private static boolean listed(Optional<String> list, String user) {
        return list.map(GatewaySettings::words).filter(ids -> ids.contains("*")
                || ids.stream().anyMatch(user::equalsIgnoreCase)).isPresent();
    }
}
