package hermes.plugin.terminal.local.internal;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import hermes.api.TerminalBackend;

/**
 * {@code local}: commands run with bash on this machine, as the user running Hermes. Secret-looking variables of the
 * Hermes process are kept from commands (see {@link ChildEnvironment}).
 */
@Component(service = TerminalBackend.class, property = "hermes.id=" + LocalBackend.ID)
public final class LocalBackend implements TerminalBackend {

    static final String ID = "local";

    private final Set<LocalShell> openShells = ConcurrentHashMap.newKeySet();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Shell open(ShellSpec spec) throws IOException {
        LocalShell shell = new LocalShell(spec, System.getenv(), openShells::remove);
        openShells.add(shell);
        return shell;
    }

    /** The bundle is going away: its shells and every process they started go with it. */
    @Deactivate
    void deactivate() {
        List.copyOf(openShells).forEach(LocalShell::close);
    }
}
