package dev.pel.kernels;

import dev.pel.kernels.cpu.HostKernelSet;
import dev.pel.kernels.cpu.ScalarKernelSet;
import dev.pel.kernels.cpu.SimdKernelSet;
import dev.pel.kernels.opencl.OpenClKernelSet;
import dev.pel.kernels.spi.KernelFamily;
import dev.pel.kernels.spi.KernelSet;
import dev.pel.runtime.DType;
import dev.pel.runtime.cpu.ScalarBackend;
import dev.pel.runtime.cpu.SimdBackend;
import dev.pel.runtime.opencl.OpenClBackend;
import dev.pel.runtime.spi.Backend;
import java.util.function.Predicate;

/** Maps each backend to its foundation kernels ({@link KernelSet}). The one place that knows which exist. */
public final class KernelSets {
    private static final KernelSet SCALAR = new HostKernelSet(ScalarKernelSet.INSTANCE);

    /** The foundation kernels as a family, for facades. */
    public static final KernelFamily<KernelSet> FOUNDATION = new KernelFamily<>("foundation kernels") {
        @Override
        public boolean supports(Backend backend, DType dtype) {
            if (backend instanceof ScalarBackend || backend instanceof SimdBackend) {
                return true;
            }
            if (backend instanceof OpenClBackend cl) {
                return dtype == DType.F32 || cl.info().fp64();
            }
            return false;
        }

        @Override
        public String whyNot(Backend backend, DType dtype) {
            if (!supports(backend, dtype) && backend instanceof OpenClBackend cl) {
                return cl.name() + " (" + cl.info().name() + ") has no cl_khr_fp64: double kernels are declined";
            }
            return super.whyNot(backend, dtype);
        }

        @Override
        protected KernelSet create(Backend backend) {
            return switch (backend) {
                case ScalarBackend s -> SCALAR;
                case SimdBackend simd -> new HostKernelSet(new SimdKernelSet(simd));
                case OpenClBackend cl -> new OpenClKernelSet(cl);
                default -> throw new IllegalArgumentException("backend: no kernels for " + backend.name());
            };
        }
    };

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
