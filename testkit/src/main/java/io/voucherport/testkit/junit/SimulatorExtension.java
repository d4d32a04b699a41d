package io.voucherport.testkit.junit;

import io.voucherport.testkit.sim.Simulator;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link WithSimulators}: starts the simulators a test class names before
 * all its tests (or sooner, when its constructor asks for one under
 * {@code @TestInstance(PER_CLASS)}), injects them into parameters and null non-final fields of
 * their types, and closes them after the class. A {@code @Nested} class shares its enclosing
 * class's simulators; a simulator only the nested class names lives as long as the nested class.
 * Use it through the annotation; registering it by hand without one starts nothing.
 */
public final class SimulatorExtension implements BeforeAllCallback, AfterAllCallback, TestInstancePostProcessor,
        ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SimulatorExtension.class);

    /** The extension; JUnit makes it from {@link WithSimulators}. */
    public SimulatorExtension() {
    }

    /**
     * Starts the simulators the class names (those its enclosing classes started are shared) and
     * fills its null non-final static fields of their types.
     *
     * @param context the test class's context
     * @throws Exception if a simulator cannot start or a field cannot be set
     */
    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        for (SimulatorKind kind : requested(context)) {
            simulator(context, kind);
        }
        Class<?> testClass = context.getRequiredTestClass();
        inject(context, testClass, null);
    }

    /**
     * Closes the simulators this class started (not those of an enclosing class).
     *
     * @param context the test class's context
     * @throws Exception the first failure to close one, the others suppressed in it
     */
    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        Started started = context.getStore(NAMESPACE).remove(context.getUniqueId(), Started.class);
        if (started != null) {
            started.closeAll();
        }
    }

    /**
     * Fills the test instance's null non-final fields whose types are simulators the class names.
     *
     * @param testInstance the instance just made
     * @param context its context
     * @throws Exception if a field cannot be set or a simulator cannot start
     */
    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws Exception {
        inject(context, testInstance.getClass(), testInstance);
    }

    /**
     * Whether the parameter is of a simulator type the class names.
     *
     * @param parameterContext the parameter JUnit asks to fill
     * @param extensionContext where it is asked for
     * @return whether this extension provides it
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        SimulatorKind kind = SimulatorKind.of(parameterContext.getParameter().getType());
        return kind != null && requested(extensionContext).contains(kind);
    }

    /**
     * The class's simulator of the parameter's type, started if it was not yet.
     *
     * @param parameterContext the parameter JUnit asks to fill, of a simulator type the class names
     * @param extensionContext where it is asked for
     * @return the running simulator of that type, shared by the class's tests and closed after
     *     the class
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return simulator(extensionContext, SimulatorKind.of(parameterContext.getParameter().getType()));
    }

    private static void inject(ExtensionContext context, Class<?> type, Object instance) throws IllegalAccessException {
        Set<SimulatorKind> requested = requested(context);
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                SimulatorKind kind = SimulatorKind.of(field.getType());
                boolean isStatic = Modifier.isStatic(field.getModifiers());
                if (kind == null || !requested.contains(kind) || Modifier.isFinal(field.getModifiers())
                        || isStatic != (instance == null)) {
                    continue;
                }
                field.setAccessible(true);
                if (field.get(instance) == null) {
                    field.set(instance, simulator(context, kind));
                }
            }
        }
    }

    /** The class's running simulator of {@code kind}: one its class or an enclosing class started, or a new one. */
    private static Simulator<?> simulator(ExtensionContext context, SimulatorKind kind) {
        ExtensionContext owner = classContext(context);
        for (ExtensionContext c = owner; c != null && c.getTestClass().isPresent(); c = c.getParent().orElse(null)) {
            Started started = c.getStore(NAMESPACE).get(c.getUniqueId(), Started.class);
            if (started != null && started.has(kind)) {
                return started.get(kind);
            }
        }
        Started started = owner.getStore(NAMESPACE).getOrComputeIfAbsent(owner.getUniqueId(), k -> new Started(),
                Started.class);
        return started.start(kind, sampleData(owner));
    }

    /** The context of the class a context belongs to (a test method's context's class, say). */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    /** The annotations on the test class and the classes enclosing it, innermost first. */
    private static List<WithSimulators> annotations(ExtensionContext context) {
        List<WithSimulators> found = new ArrayList<>();
        Optional<Class<?>> testClass = context.getTestClass();
        for (Class<?> c = testClass.orElse(null); c != null; c = c.getEnclosingClass()) {
            AnnotationSupport.findAnnotation(c, WithSimulators.class).ifPresent(found::add);
        }
        return found;
    }

    private static Set<SimulatorKind> requested(ExtensionContext context) {
        Set<SimulatorKind> kinds = EnumSet.noneOf(SimulatorKind.class);
        for (WithSimulators annotation : annotations(context)) {
            kinds.addAll(List.of(annotation.value()));
        }
        return kinds;
    }

    private static boolean sampleData(ExtensionContext context) {
        List<WithSimulators> found = annotations(context);
        return found.isEmpty() || found.get(0).sampleData();
    }

    /** The simulators one class started, closed after it. */
    private static final class Started {
        private final Map<SimulatorKind, Simulator<?>> simulators = new EnumMap<>(SimulatorKind.class);

        synchronized boolean has(SimulatorKind kind) {
            return simulators.containsKey(kind);
        }

        synchronized Simulator<?> get(SimulatorKind kind) {
            return simulators.get(kind);
        }

        synchronized Simulator<?> start(SimulatorKind kind, boolean sampleData) {
            Simulator<?> running = simulators.get(kind);
            if (running != null) {
                return running;
            }
            Simulator<?> simulator = kind.create(sampleData);
            try {
                simulator.start();
            } catch (RuntimeException e) {
                simulator.close();
                throw new ExtensionConfigurationException("the " + kind + " simulator did not start", e);
            }
            simulators.put(kind, simulator);
            return simulator;
        }

        synchronized void closeAll() throws Exception {
            Exception first = null;
            for (Simulator<?> simulator : simulators.values()) {
                try {
                    simulator.close();
                } catch (Exception e) {
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
            simulators.clear();
            if (first != null) {
                throw first;
            }
        }
    }
}
