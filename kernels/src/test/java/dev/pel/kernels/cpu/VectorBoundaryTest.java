package dev.pel.kernels.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pel.kernels.analytics.SimdAnalytics;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import jdk.incubator.vector.Vector;
import jdk.incubator.vector.VectorMask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No CPU kernel method takes or returns a vector or a mask (see {@link Lanes}): where C2's inlining depth ran out at
 * such a method, its vectors were boxed and the Vector API's Java fallback ran, 4-5x slower, in some processes only.
 * The one-line load and store helpers of {@link SimdSimulation} are the exception, listed here so that no other joins
 * them unnoticed.
 */
class VectorBoundaryTest {
    private static final Set<String> ONE_LINE_HELPERS = Set.of(
            "SimdSimulation.loadF64", "SimdSimulation.storeF64", "SimdSimulation.loadF32", "SimdSimulation.storeF32");

    static Stream<Class<?>> kernels() {
        return Stream.of(SimdKernelSet.class, SimdLinalgF32.class, SimdLinalgF64.class, SimdGemmF32.class, SimdGemmF64.class,
                SimdSimulation.class, SimdAnalytics.class, Lanes.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void noMethodPassesAVector(Class<?> kernel) {
        List<String> offenders = new ArrayList<>();
        for (Class<?> c : withNested(kernel)) {
            for (Method m : c.getDeclaredMethods()) {
                boolean vectors = isVector(m.getReturnType()) || Arrays.stream(m.getParameterTypes()).anyMatch(VectorBoundaryTest::isVector);
                String name = kernel.getSimpleName() + "." + m.getName();
                if (vectors && !m.isSynthetic() && !ONE_LINE_HELPERS.contains(name)) {
                    offenders.add(c.getSimpleName() + "." + m.getName() + Arrays.toString(m.getParameterTypes()));
                }
            }
        }
        assertEquals(List.of(), offenders, "methods taking or returning vectors");
    }

    private static List<Class<?>> withNested(Class<?> c) {
        List<Class<?>> all = new ArrayList<>(List.of(c));
        for (Class<?> n : c.getDeclaredClasses()) {
            all.addAll(withNested(n));
        }
        return all;
    }

    private static boolean isVector(Class<?> t) {
        return Vector.class.isAssignableFrom(t) || VectorMask.class.isAssignableFrom(t);
    }
}
