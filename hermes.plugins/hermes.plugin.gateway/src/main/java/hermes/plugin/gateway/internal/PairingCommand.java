package hermes.plugin.gateway.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import hermes.api.Command;

/**
 * {@code hermes pairing list | approve <platform> <code> | revoke <platform> <user>}: the owner's side of DM pairing.
 * CLI only: nobody approves themselves from a chat. Works whether or not the gateway runs (it reads the files at each
 * message).
 */
@Component(service = Command.class, property = "hermes.id=pairing")
public final class PairingCommand implements Command {

    static final String USAGE = "usage: pairing list | approve <platform> <code> | revoke <platform> <user>";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final PairingStore store;

    @Activate
    public PairingCommand(@Reference GatewayComponent component) {
        this(component.gateway().pairing());
    }

    PairingCommand(PairingStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "pairing";
    }

    @Override
    public String description() {
        return "list, approve and revoke users paired with the gateway by a DM code";
    }

    @Override
    public boolean cliOnly() {
        return true;
    }

    @Override
    public void run(String arguments, Context context) throws IOException {
        String[] words = arguments.strip().isEmpty() ? new String[] {"list"} : arguments.strip().split("\\s+");
        context.reply(switch (words[0]) {
            case "list" -> list();
            case "approve" -> approve(words);
            case "revoke" -> revoke(words);
            case "help" -> USAGE;
            default -> throw new IllegalArgumentException("unknown subcommand '" + words[0] + "'; " + USAGE);
        });
    }

    private String list() throws IOException {
        List<PairingStore.Pending> pending = store.pending();
        List<PairingStore.ApprovedUser> approved = store.approved();
        StringBuilder text = new StringBuilder();
        text.append(pending.isEmpty() ? "No pending pairing requests." : "Pending requests:");
        Instant now = Instant.now();
        for (PairingStore.Pending request : pending) {
            text.append("\n  ").append(request.platform()).append("  user ").append(request.userId())
                    .append(request.userName().isEmpty() ? "" : " (" + request.userName() + ")").append("  asked ")
                    .append(Durations.human(Duration.between(request.created(), now))).append(" ago");
        }
        text.append(approved.isEmpty() ? "\nNo approved users." : "\nApproved users:");
        for (PairingStore.ApprovedUser user : approved) {
            text.append("\n  ").append(user.platform()).append("  ").append(user.userId())
                    .append(user.userName().isEmpty() ? "" : " (" + user.userName() + ")").append("  since ")
                    .append(WHEN.format(user.approvedAt()));
        }
        return text.toString();
    }

    private String approve(String[] words) throws IOException {
        if (words.length != 3) {
            throw new IllegalArgumentException("usage: pairing approve <platform> <code>");
        }
        return switch (store.approve(words[1], words[2])) {
            case PairingStore.Approval.Approved approved -> "Approved " + approved.platform() + " user "
                    + approved.userId() + (approved.userName().isEmpty() ? "" : " (" + approved.userName() + ")")
                    + ": their next message is answered.";
            // the code itself stays out of the message: errors may be logged
            case PairingStore.Approval.Invalid invalid -> throw new IllegalArgumentException("no pending request on "
                    + words[1] + " has that code (codes expire after 1 hour; pairing list shows the pending ones;"
                    + " " + PairingStore.MAX_FAILED_APPROVALS + " wrong codes in a row lock approvals for an hour)");
            case PairingStore.Approval.LockedOut locked -> throw new IllegalStateException("approvals on " + words[1]
                    + " are locked until " + WHEN.format(locked.until()) + " after "
                    + PairingStore.MAX_FAILED_APPROVALS + " wrong codes");
        };
    }

    private String revoke(String[] words) throws IOException {
        if (words.length != 3) {
            throw new IllegalArgumentException("usage: pairing revoke <platform> <user>");
        }
        return store.revoke(words[1], words[2]) ? "Revoked " + words[1] + " user " + words[2] + "."
                : words[1] + " user " + words[2] + " was not approved.";
    }
}
