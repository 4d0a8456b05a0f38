package hermes.plugin.skills.internal;

import java.io.IOException;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import hermes.api.Command;

/**
 * Registers a {@code /<skill-name>} {@link Command} service per skill (property {@code hermes.skill} = the skill's
 * name) and keeps the set current as skills come and go: the library reports every change it sees (at each listing,
 * after every write and after the bundled sync).
 */
@Component(immediate = true)
public final class SkillCommandPublisher {

    private static final System.Logger LOG = System.getLogger(SkillCommandPublisher.class.getName());

    private final SkillLibrary library;
    private final SkillCommands commands;
    private final Consumer<List<Skill>> listener;

    @Activate
    public SkillCommandPublisher(BundleContext context, @Reference SkillLibrary library) {
        this.library = library;
        this.commands = new SkillCommands(registry(context), library);
        this.listener = commands::publish;
        library.addListener(listener);
        // the first listing may wait for the bundled sync; the framework thread must not
        Thread.ofVirtual().name("hermes-skill-commands").start(() -> {
            try {
                commands.publish(library.listing().skills());
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "skill commands are not registered: " + e.getMessage());
            }
        });
    }

    @Deactivate
    void deactivate() {
        library.removeListener(listener);
        commands.close();
    }

    private static SkillCommands.Registry registry(BundleContext context) {
        return new SkillCommands.Registry() {
            @Override
            public SkillCommands.Registration register(Command command, Map<String, Object> properties) {
                ServiceRegistration<Command> registration = context.registerService(Command.class, command,
                        new Hashtable<>(properties));
                return () -> {
                    try {
                        registration.unregister();
                    } catch (IllegalStateException alreadyGone) {
                        // the bundle is stopping and the framework unregistered it first
                    }
                };
            }

            @Override
            public Set<String> otherCommandNames() {
                Set<String> names = new HashSet<>();
                try {
                    for (ServiceReference<Command> reference : context.getServiceReferences(Command.class, null)) {
                        if (reference.getProperty(SkillCommands.SKILL_PROPERTY) != null) {
                            continue;
                        }
                        Command command = context.getService(reference);
                        if (command != null) {
                            try {
                                names.add(command.name());
                                names.addAll(command.aliases());
                            } finally {
                                context.ungetService(reference);
                            }
                        }
                    }
                } catch (InvalidSyntaxException e) {
                    throw new IllegalStateException("a null filter is always valid", e);
                }
                return names;
            }
        };
    }
}
