package dev.pel.kernels;

import dev.pel.kernels.cpu.ScalarKernelSet;
import dev.pel.kernels.cpu.SimdKernelSet;
import dev.pel.kernels.spi.KernelSet;
import dev.pel.runtime.cpu.ScalarBackend;
import dev.pel.runtime.cpu.SimdBackend;
import dev.pel.runtime.spi.Backend;
import java.util.Map;
import java.util.WeakHashMap;

/** Maps each backend to the kernels implemented for it. The one place that knows which exist. */
public final class KernelSets {
    private static final Map<Backend, KernelSet> SETS = new WeakHashMap<>();

    private KernelSets() {
    }

    /** True when the backend has an implementation of the foundation kernels. */
    public static boolean supports(Backend backend) {
        return backend instanceof ScalarBackend || backend instanceof SimdBackend;
    }

    /** The kernels for a backend; throws if it has none ({@link #supports} is false). */
    public static KernelSet of(Backend backend) {
        if (backend instanceof ScalarBackend) {
            return ScalarKernelSet.INSTANCE;
        }
        synchronized (SETS) {
            KernelSet set = SETS.get(backend);
            if (set == null) {
                if (!(backend instanceof SimdBackend simd)) {
                    throw new IllegalArgumentException("backend: no kernels for " + backend.name());
                }
                set = new SimdKernelSet(simd);
                SETS.put(backend, set);
            }
            return set;
        }
    }
}
