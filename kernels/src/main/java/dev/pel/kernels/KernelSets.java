package dev.pel.kernels;

import dev.pel.kernels.cpu.HostKernelSet;
import dev.pel.kernels.cpu.ScalarKernelSet;
import dev.pel.kernels.cpu.SimdKernelSet;
import dev.pel.kernels.opencl.OpenClKernelSet;
import dev.pel.kernels.spi.KernelFamily;
import dev.pel.kernels.spi.KernelSet;
import dev.pel.runtime.DType;
import dev.pel.runtime.spi.Backend;
import java.util.function.Predicate;

/** Maps each backend to its foundation kernels ({@link KernelSet}). The one place that knows which exist. */
public final class KernelSets {
    private static final KernelSet SCALAR = new HostKernelSet(ScalarKernelSet.INSTANCE);

    /** The foundation kernels as a family, for facades. */
    public static final KernelFamily<KernelSet> FOUNDATION = KernelFamily.onEveryBackend("foundation kernels", SCALAR,
            simd -> new HostKernelSet(new SimdKernelSet(simd)), OpenClKernelSet::new);

    private KernelSets() {
    }

    /** True when the backend implements the foundation kernels for this element type. */
    public static boolean supports(Backend backend, DType dtype) {
        return FOUNDATION.supports(backend, dtype);
    }

    /** Why a backend does not implement the kernels for dtype, or null when it does. */
    public static String whyNot(Backend backend, DType dtype) {
        return FOUNDATION.whyNot(backend, dtype);
    }

    /** A constant predicate per element type (the runtime caches candidates per predicate). */
    public static Predicate<Backend> supporting(DType dtype) {
        return FOUNDATION.supporting(dtype);
    }

    /** The kernels for a backend; throws if it has none. */
    public static KernelSet of(Backend backend) {
        return FOUNDATION.of(backend);
    }
}
