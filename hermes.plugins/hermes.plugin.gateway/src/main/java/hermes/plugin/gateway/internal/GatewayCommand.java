package hermes.plugin.gateway.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import hermes.api.Command;

/**
 * {@code hermes gateway run|status|install|uninstall|start|stop|restart}: {@code run} runs the gateway in the
 * foreground until the process is asked to stop, printing a line for each change of a channel's state;
 * {@code install} writes a systemd user unit that runs it as a service, which {@code start}, {@code stop} and
 * {@code restart} control.
 */
@Component(service = Command.class, property = "hermes.id=gateway")
public final class GatewayCommand implements Command {

    static final String USAGE = "usage: gateway run | status | install | uninstall | start | stop | restart";

    /**
     * Where the service pieces are.
     *
     * @param script the launcher's {@code hermes.script} property, if set
     * @param searchPath {@code $PATH}
     * @param unitDirectory where the user unit goes
     */
    record ServiceSetup(Optional<String> script, Optional<String> searchPath, Path unitDirectory,
                        Systemctl systemctl) {
    }

    private final Gateway gateway;
    private final ServiceSetup setup;

    @Activate
    public GatewayCommand(@Reference GatewayComponent component, BundleContext context) {
        this(component.gateway(), new ServiceSetup(Optional.ofNullable(context.getProperty("hermes.script")),
                Optional.ofNullable(System.getenv("PATH")), SystemdUnit.directory(
                        Optional.ofNullable(System.getenv("XDG_CONFIG_HOME")), Path.of(System.getProperty("user.home"))),
                Systemctl.find(Optional.ofNullable(System.getenv("PATH")))));
    }

    GatewayCommand(Gateway gateway, ServiceSetup setup) {
        this.gateway = gateway;
        this.setup = setup;
    }

    @Override
    public String name() {
        return "gateway";
    }

    @Override
    public String description() {
        return "run the messaging gateway (run, status) or manage it as a systemd service (install, start, stop, …)";
    }

    @Override
    public boolean cliOnly() {
        return true;
    }

    @Override
    public void run(String arguments, Context context) throws IOException, InterruptedException {
        String subcommand = arguments.strip().isEmpty() ? "status" : arguments.strip().split("\\s+")[0];
        switch (subcommand) {
            case "run" -> gateway.run(context::reply);
            case "status" -> context.reply(status());
            case "install" -> context.reply(install());
            case "uninstall" -> context.reply(uninstall());
            case "start", "stop", "restart" -> context.reply(control(subcommand));
            case "help" -> context.reply(USAGE);
            default -> throw new IllegalArgumentException("unknown subcommand '" + subcommand + "'; " + USAGE);
        }
    }

    private String status() {
        StringBuilder text = new StringBuilder();
        if (gateway.isRunning()) {
            text.append("The gateway runs in this process.");
        } else {
            Optional<Long> elsewhere = gateway.runningElsewhere();
            text.append(elsewhere.map(pid -> "The gateway runs in another process (pid " + pid + ").")
                    .orElse("The gateway is not running: start it with hermes gateway run (in the foreground) or"
                            + " hermes gateway start (as a service)."));
        }
        Instant now = Instant.now();
        List<Supervision.PlatformStatus> platforms = gateway.statuses();
        text.append(platforms.isEmpty() ? "\nNo channel is installed." : "\nChannels:");
        for (Supervision.PlatformStatus platform : platforms) {
            String state = gateway.isRunning() ? platform.state().describe(now)
                    : gateway.settings().enabled(platform.platform()) ? "enabled"
                    : new ChannelState.Disabled(Supervision.howToEnable(platform.platform())).describe(now);
            text.append("\n  ").append(platform.platform()).append(": ").append(state);
        }
        gateway.unsentReplies().ifPresent(count -> text.append("\nOutbox: ").append(count)
                .append(count == 1 ? " reply" : " replies").append(" waiting for delivery"));
        gateway.refusedReplies().filter(count -> count > 0).ifPresent(count -> text.append(", ").append(count)
                .append(" refused by their platform in the last 30 days (reasons in the log and in")
                .append(" gateway_outbox.last_error of hermes-jvm.db)"));
        Path unit = setup.unitDirectory().resolve(SystemdUnit.NAME);
        if (Files.exists(unit)) {
            text.append("\nService unit: ").append(unit);
        }
        return text.toString();
    }

    private String install() throws IOException, InterruptedException {
        Path script = SystemdUnit.script(setup.script(), setup.searchPath());
        Path unit = setup.unitDirectory().resolve(SystemdUnit.NAME);
        Files.createDirectories(unit.getParent());
        Files.writeString(unit, SystemdUnit.content(script, gateway.settings().home()));
        StringBuilder text = new StringBuilder("Wrote ").append(unit).append('.');
        if (setup.systemctl().available()) {
            setup.systemctl().user("daemon-reload");
            setup.systemctl().user("enable", SystemdUnit.NAME);
            text.append("\nEnabled it: start it now with hermes gateway start. To keep it running after you log out:"
                    + " loginctl enable-linger $USER");
        } else {
            text.append("\nThere is no systemctl here to enable it; ").append(Systemctl.MISSING.substring(
                    Systemctl.MISSING.indexOf("run it in")));
        }
        return text.toString();
    }

    private String uninstall() throws IOException, InterruptedException {
        Path unit = setup.unitDirectory().resolve(SystemdUnit.NAME);
        if (!Files.exists(unit)) {
            return "No service unit is installed (" + unit + ").";
        }
        if (setup.systemctl().available()) {
            try {
                setup.systemctl().user("disable", "--now", SystemdUnit.NAME);
            } catch (IOException alreadyGone) {
                // disabling a unit systemd never loaded fails; removing the file is what matters
            }
        }
        Files.delete(unit);
        if (setup.systemctl().available()) {
            setup.systemctl().user("daemon-reload");
        }
        return "Removed " + unit + ".";
    }

    private String control(String verb) throws IOException, InterruptedException {
        if (!setup.systemctl().available()) {
            throw new IllegalStateException(Systemctl.MISSING);
        }
        Path unit = setup.unitDirectory().resolve(SystemdUnit.NAME);
        if (!Files.exists(unit)) {
            throw new IllegalStateException("the gateway service is not installed: run hermes gateway install first,"
                    + " or run it in the foreground with hermes gateway run");
        }
        setup.systemctl().user(verb, SystemdUnit.NAME);
        return switch (verb) {
            case "start" -> "Started the gateway service; hermes gateway status shows it.";
            case "stop" -> "Stopped the gateway service.";
            default -> "Restarted the gateway service.";
        };
    }
}
