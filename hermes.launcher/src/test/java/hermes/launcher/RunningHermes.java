package hermes.launcher;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;

/**
 * The assembled runtime booted from the distribution's bundle set with a temporary {@code HERMES_HOME}, driven through
 * {@code hermes.api} services. The API classes here come from the hermes.api bundle, not from the test class path, so
 * calls go through reflection on the bundle's own classes (the test class path has a second copy of the API).
 */
final class RunningHermes implements AutoCloseable {

    static final Path BUNDLES = Path.of("target", "hermes", "bundle");

    private final Boot boot;
    private final Framework framework;
    private final Path home;
    private Object session;

    /** A tool call's outcome. */
    record Result(String content, boolean error) {
    }

    /** One row of {@code AgentRuntime.plugins()}. */
    record Plugin(String name, String version, String state, String lastError, List<String> tools) {
    }

    RunningHermes(Path home) throws BootException {
        this.home = home;
        this.boot = new Boot(home, BUNDLES, "test", List.of(), false);
        this.framework = boot.start();
        try {
            await("the AgentRuntime service", Duration.ofSeconds(10), () -> runtimeReference() != null);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + diagnostics(), e);
        }
    }

    /** Declarative Services' view of every component (read reflectively: the DTO classes live in a bundle). */
    private String components() {
        StringBuilder out = new StringBuilder("components:\n");
        try {
            ServiceReference<?> ref = firstReference("org.osgi.service.component.runtime.ServiceComponentRuntime");
            Object scr = context().getService(ref);
            Method descriptions = scr.getClass().getMethod("getComponentDescriptionDTOs", Bundle[].class);
            for (Object description : (java.util.Collection<?>) descriptions.invoke(scr, (Object) new Bundle[0])) {
                Method configurations = java.util.Arrays.stream(scr.getClass().getMethods())
                        .filter(m -> m.getName().equals("getComponentConfigurationDTOs")).findFirst().orElseThrow();
                for (Object configuration : (java.util.Collection<?>) configurations.invoke(scr, description)) {
                    out.append("  ").append(description.getClass().getField("name").get(description))
                            .append(" state=").append(configuration.getClass().getField("state").get(configuration))
                            .append(" failure=").append(configuration.getClass().getField("failure").get(configuration))
                            .append(" unsatisfied=").append(java.util.Arrays.stream((Object[]) configuration.getClass()
                                    .getField("unsatisfiedReferences").get(configuration)).map(u -> {
                                        try {
                                            return u.getClass().getField("name").get(u).toString();
                                        } catch (ReflectiveOperationException e) {
                                            return "?";
                                        }
                                    }).toList())
                            .append('\n');
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            out.append("  unavailable: ").append(e).append('\n');
        }
        return out.toString();
    }

    /** Bundle states, components and the log, for a failure message. */
    String diagnostics() {
        StringBuilder out = new StringBuilder("bundles:\n");
        for (Bundle bundle : context().getBundles()) {
            out.append("  ").append(bundle.getState()).append(' ').append(bundle.getSymbolicName()).append('\n');
        }
        out.append(components());
        try {
            out.append("log:\n").append(java.nio.file.Files.readString(home.resolve("logs/hermes.log")));
        } catch (java.io.IOException e) {
            out.append("no log: ").append(e);
        }
        return out.toString();
    }

    Path home() {
        return home;
    }

    Path pluginFolder() {
        return home.resolve("plugins");
    }

    BundleContext context() {
        return framework.getBundleContext();
    }

    /** The bundle installed from a plugin jar of this name, if any. */
    Optional<Bundle> pluginBundle(String fileName) {
        for (Bundle bundle : context().getBundles()) {
            if (bundle.getLocation().equals("hermes-plugin:" + fileName)) {
                return Optional.of(bundle);
            }
        }
        return Optional.empty();
    }

    List<String> toolNames() {
        List<String> names = new ArrayList<>();
        for (Object info : (List<?>) invoke(runtime(), "tools")) {
            if (invoke(info, "status").toString().equals("ACTIVE")) {
                names.add((String) invoke(info, "name"));
            }
        }
        return names;
    }

    List<Plugin> plugins() {
        List<Plugin> plugins = new ArrayList<>();
        for (Object info : (List<?>) invoke(runtime(), "plugins")) {
            plugins.add(new Plugin((String) invoke(info, "name"),
                    ((Optional<?>) invoke(info, "version")).map(Object::toString).orElse(""),
                    invoke(info, "state").toString(),
                    ((Optional<?>) invoke(info, "lastError")).map(Object::toString).orElse(""),
                    ((List<?>) invoke(info, "tools")).stream().map(Object::toString).toList()));
        }
        return plugins;
    }

    Optional<Plugin> plugin(String name) {
        return plugins().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Calls a tool through a session of the runtime, exactly as the turn loop would. */
    Result call(String tool, String argumentsJson) throws Exception {
        Class<?> toolCall = api("hermes.api.ToolCall");
        Object call = toolCall.getConstructor(String.class, String.class, String.class)
                .newInstance("call-1", tool, argumentsJson);
        Object stage = api("hermes.api.Session").getMethod("callTool", toolCall).invoke(session(), call);
        Object result = ((CompletionStage<?>) stage).toCompletableFuture().get(30, TimeUnit.SECONDS);
        return new Result((String) invoke(result, "content"), (Boolean) invoke(result, "error"));
    }

    /** Runs a slash command (a {@code hermes.api.Command} service) and returns what it replied. */
    String command(String name, String arguments) throws Exception {
        Class<?> commandType = api("hermes.api.Command");
        Class<?> contextType = api("hermes.api.Command$Context");
        StringBuilder reply = new StringBuilder();
        Object caller = api("hermes.api.Caller").getMethod("localUser").invoke(null);
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "session" -> Optional.empty();
            case "caller" -> caller;
            case "reply" -> {
                reply.append(args[0]).append('\n');
                yield null;
            }
            default -> throw new UnsupportedOperationException(method.getName());
        };
        Object context = Proxy.newProxyInstance(contextType.getClassLoader(), new Class<?>[] {contextType}, handler);
        for (ServiceReference<?> reference : context().getAllServiceReferences("hermes.api.Command", null)) {
            Object command = context().getService(reference);
            if (name.equals(invoke(command, "name"))) {
                commandType.getMethod("run", String.class, contextType).invoke(command, arguments, context);
                return reply.toString();
            }
        }
        throw new AssertionError("no command " + name);
    }

    private Object session() throws Exception {
        if (session == null) {
            Object caller = api("hermes.api.Caller").getMethod("localUser").invoke(null);
            Class<?> specType = api("hermes.api.SessionSpec");
            Object spec = specType.getMethod("of", api("hermes.api.Caller")).invoke(null, caller);
            session = api("hermes.api.AgentRuntime").getMethod("open", specType).invoke(runtime(), spec);
        }
        return session;
    }

    private ServiceReference<?> runtimeReference() {
        return firstReference("hermes.api.AgentRuntime");
    }

    /**
     * A service by interface name, whatever class space it is in: the system bundle's class loader (the test class path)
     * has its own copy of hermes.api, so the usual assignability filter would hide the bundles' services.
     */
    private ServiceReference<?> firstReference(String type) {
        try {
            ServiceReference<?>[] references = context().getAllServiceReferences(type, null);
            return references == null ? null : references[0];
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private Object runtime() {
        return context().getService(runtimeReference());
    }

    private Class<?> api(String name) {
        try {
            for (Bundle bundle : context().getBundles()) {
                if ("hermes.api".equals(bundle.getSymbolicName())) {
                    return bundle.loadClass(name);
                }
            }
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no hermes.api bundle");
    }

    /** Calls a public no-argument method through the API type that declares it (implementations are private). */
    private Object invoke(Object target, String method) {
        try {
            Method m = findPublic(target.getClass(), method);
            return m.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot call " + method + " on " + target.getClass(), e);
        }
    }

    private static Method findPublic(Class<?> type, String method) throws NoSuchMethodException {
        if (java.lang.reflect.Modifier.isPublic(type.getModifiers())) {
            return type.getMethod(method);
        }
        for (Class<?> face : type.getInterfaces()) {
            try {
                return findPublic(face, method);
            } catch (NoSuchMethodException ignored) {
                // try the next interface
            }
        }
        if (type.getSuperclass() != null) {
            return findPublic(type.getSuperclass(), method);
        }
        throw new NoSuchMethodException(method);
    }

    /** Polls until {@code condition} holds, failing with {@code what} after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        if (session != null) {
            invoke(session, "close");
        }
        boot.stop();
    }
}
