package dev.pel.kernels;

import dev.pel.kernels.cpu.HostKernelSet;
import dev.pel.kernels.cpu.ScalarKernelSet;
import dev.pel.kernels.cpu.SimdKernelSet;
import dev.pel.kernels.opencl.OpenClKernelSet;
import dev.pel.kernels.spi.KernelSet;
import dev.pel.runtime.DType;
import dev.pel.runtime.cpu.ScalarBackend;
import dev.pel.runtime.cpu.SimdBackend;
import dev.pel.runtime.opencl.OpenClBackend;
import dev.pel.runtime.spi.Backend;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Predicate;

/** Maps each backend to the kernels implemented for it. The one place that knows which exist. */
public final class KernelSets {
    private static final Map<Backend, KernelSet> SETS = new WeakHashMap<>();
    private static final KernelSet SCALAR = new HostKernelSet(ScalarKernelSet.INSTANCE);
    private static final Predicate<Backend> F32 = b -> supports(b, DType.F32);
    private static final Predicate<Backend> F64 = b -> supports(b, DType.F64);

    /** The last lookup, read without a lock: calls almost always go to the backend of the previous one. */
    private record Last(Backend backend, KernelSet set) {
    }

    private static volatile Last last = new Last(null, null);

    private KernelSets() {
    }

    /** True when the backend implements the foundation kernels for this element type. */
    public static boolean supports(Backend backend, DType dtype) {
        if (backend instanceof ScalarBackend || backend instanceof SimdBackend) {
            return true;
        }
        if (backend instanceof OpenClBackend cl) {
            return dtype == DType.F32 || cl.info().fp64();
        }
        return false;
    }

    /** Why a backend does not implement the kernels for dtype, or null when it does. */
    public static String whyNot(Backend backend, DType dtype) {
        if (supports(backend, dtype)) {
            return null;
        }
        if (backend instanceof OpenClBackend cl) {
            return cl.name() + " (" + cl.info().name() + ") has no cl_khr_fp64: double kernels are declined";
        }
        return backend.name() + " has no implementation of the foundation kernels";
    }

    /** A constant predicate per element type (the runtime caches candidates per predicate). */
    public static Predicate<Backend> supporting(DType dtype) {
        return dtype == DType.F32 ? F32 : F64;
    }

    /** The kernels for a backend; throws if it has none. */
    public static KernelSet of(Backend backend) {
        if (backend instanceof ScalarBackend) {
            return SCALAR;
        }
        Last l = last;
        if (l.backend() == backend) {
            return l.set();
        }
        synchronized (SETS) {
            KernelSet set = SETS.get(backend);
            if (set == null) {
                set = switch (backend) {
                    case SimdBackend simd -> new HostKernelSet(new SimdKernelSet(simd));
                    case OpenClBackend cl -> new OpenClKernelSet(cl);
                    default -> throw new IllegalArgumentException("backend: no kernels for " + backend.name());
                };
                SETS.put(backend, set);
            }
            last = new Last(backend, set);
            return set;
        }
    }
}
