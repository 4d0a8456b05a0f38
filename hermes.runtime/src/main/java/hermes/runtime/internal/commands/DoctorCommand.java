package hermes.runtime.internal.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import hermes.api.AgentRuntime;
import hermes.api.Command;
import hermes.api.PluginInfo;
import hermes.runtime.internal.config.Settings;

/** {@code hermes doctor}: the JDK, {@code $HERMES_HOME}, every bundle's state, and every plugin error. */
@Component(service = Command.class)
public final class DoctorCommand implements Command {

    private final BundleContext context;
    private final Settings settings;
    private final AgentRuntime runtime;

    @Activate
    public DoctorCommand(BundleContext context, @Reference Settings settings, @Reference AgentRuntime runtime) {
        this.context = context;
        this.settings = settings;
        this.runtime = runtime;
    }

    @Override
    public String name() {
        return "doctor";
    }

    @Override
    public String description() {
        return "check the JDK, HERMES_HOME, bundles and plugins";
    }

    @Override
    public boolean cliOnly() {
        return true;
    }

    @Override
    public void run(String arguments, Context reply) {
        StringBuilder out = new StringBuilder();
        Runtime.Version jdk = Runtime.version();
        line(out, jdk.feature() >= 21, "JDK", jdk + " (" + System.getProperty("java.vendor") + ") at "
                + System.getProperty("java.home"));
        boolean writable = Files.isWritable(settings.home().root());
        line(out, writable, "HERMES_HOME", settings.home().root() + (writable ? "" : " is not writable: fix its permissions"));
        try {
            settings.config().snapshot();
            line(out, true, "config.yaml", settings.config().path().toString());
        } catch (IOException e) {
            line(out, false, "config.yaml", e.getMessage());
        }
        Bundle[] bundles = context.getBundles();
        long inactive = Arrays.stream(bundles).filter(b -> b.getState() != Bundle.ACTIVE).count();
        line(out, inactive == 0, "bundles", bundles.length + " installed, " + inactive + " not active");
        for (Bundle bundle : bundles) {
            out.append(String.format("      %-8s %s %s%n", state(bundle), bundle.getSymbolicName(), bundle.getVersion()));
        }
        List<PluginInfo> plugins = runtime.plugins();
        long failed = plugins.stream().filter(p -> p.state() == PluginInfo.State.FAILED).count();
        line(out, failed == 0, "plugins", plugins.size() + " in " + settings.home().plugins() + ", " + failed + " failed");
        for (PluginInfo plugin : plugins) {
            out.append(String.format("      %-8s %s %s%s%n", plugin.state().name().toLowerCase(Locale.ROOT),
                    plugin.name(), plugin.version().orElse(""), plugin.lastError().map(e -> ": " + e).orElse("")));
        }
        reply.reply(out.toString().stripTrailing());
    }

    private static void line(StringBuilder out, boolean ok, String what, String detail) {
        out.append(String.format("[%s] %-12s %s%n", ok ? " ok " : "FAIL", what, detail));
    }

    private static String state(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.ACTIVE -> "active";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.INSTALLED -> "installed";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            default -> "uninstalled";
        };
    }
}
