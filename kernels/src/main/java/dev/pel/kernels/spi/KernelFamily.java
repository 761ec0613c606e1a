package dev.pel.kernels.spi;

import dev.pel.runtime.DType;
import dev.pel.runtime.cpu.ScalarBackend;
import dev.pel.runtime.cpu.SimdBackend;
import dev.pel.runtime.opencl.OpenClBackend;
import dev.pel.runtime.spi.Backend;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A group of kernels implemented per backend ({@code S} is the group's interface, e.g.
 * {@link KernelSet}): which backends implement it for an element type, why the others do not, and
 * each backend's implementation, created once per backend instance.
 *
 * @param <S> the interface the group's implementations share
 */
public abstract class KernelFamily<S> {
    private final String name;
    private final Map<Backend, S> sets = new WeakHashMap<>();
    private final Predicate<Backend> f32 = b -> supports(b, DType.F32);
    private final Predicate<Backend> f64 = b -> supports(b, DType.F64);

    /** The last lookup, read without a lock: calls almost always go to the backend of the previous one. */
    private record Last<S>(Backend backend, S set) {
    }

    private volatile Last<S> last = new Last<>(null, null);

    protected KernelFamily(String name) {
        this.name = name;
    }

    /**
     * The usual family: on every CPU backend ({@code scalar}, the reference, and one implementation per
     * {@code cpu-simd} backend), and on each OpenCL device for float, and for double where the device
     * has cl_khr_fp64 (else it declines, saying so).
     */
    public static <S> KernelFamily<S> onEveryBackend(String name, S scalar, Function<SimdBackend, S> simd,
            Function<OpenClBackend, S> opencl) {
        return new KernelFamily<>(name) {
            @Override
            public boolean supports(Backend backend, DType dtype) {
                return switch (backend) {
                    case ScalarBackend s -> true;
                    case SimdBackend s -> true;
                    case OpenClBackend cl -> dtype == DType.F32 || cl.info().fp64();
                    default -> false;
                };
            }

            @Override
            public String whyNot(Backend backend, DType dtype) {
                if (!supports(backend, dtype) && backend instanceof OpenClBackend cl) {
                    return cl.name() + " (" + cl.info().name() + ") has no cl_khr_fp64: double " + name + " are declined";
                }
                return super.whyNot(backend, dtype);
            }

            @Override
            protected S create(Backend backend) {
                return switch (backend) {
                    case ScalarBackend s -> scalar;
                    case SimdBackend s -> simd.apply(s);
                    case OpenClBackend cl -> opencl.apply(cl);
                    default -> throw new IllegalArgumentException("backend: no " + name + " for " + backend.name());
                };
            }
        };
    }

    /** The group's name for messages, e.g. {@code foundation kernels}. */
    public final String name() {
        return name;
    }

    /** True when the backend implements the group for this element type. */
    public abstract boolean supports(Backend backend, DType dtype);

    /** Why a backend does not implement the group for dtype, or null when it does. */
    public String whyNot(Backend backend, DType dtype) {
        return supports(backend, dtype) ? null : backend.name() + " has no implementation of the " + name;
    }

    /** The implementation for a backend that {@link #supports} it; called once per backend instance. */
    protected abstract S create(Backend backend);

    /** A constant predicate per element type (the runtime caches candidates per predicate). */
    public final Predicate<Backend> supporting(DType dtype) {
        return dtype == DType.F32 ? f32 : f64;
    }

    /**
     * The implementation for a backend.
     *
     * @throws IllegalArgumentException naming the backend when it has none
     */
    public final S of(Backend backend) {
        Last<S> l = last;
        if (l.backend() == backend) {
            return l.set();
        }
        synchronized (sets) {
            S set = sets.get(backend);
            if (set == null) {
                set = create(backend);
                sets.put(backend, set);
            }
            last = new Last<>(backend, set);
            return set;
        }
    }
}
