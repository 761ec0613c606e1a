package dev.pel.bench.workload;

import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.dispatch.KernelSpec;
import dev.pel.runtime.spi.Backend;
import java.util.Optional;
import java.util.Set;

/**
 * A kernel the sweep measures beyond the vector kernels of {@link BenchKernel} (matrices, stencils,
 * sorts...): it makes its operands for a sweep size, binds one call through a Pel runtime (forced
 * or {@code auto}) or a peer library, and checks the result against a float64 reference before
 * anything is timed. Register it in {@link Workloads}.
 */
public interface Workload {

    /** The CSV {@code kernel} column, e.g. {@code gemm}. */
    String name();

    /** The catalogue entry: flops and bytes for the rows' GFLOP/s and GB/s. */
    KernelSpec spec();

    /** The call's extents (d0, d1, d2) at sweep size n: gemm n x n x n, a 2-D stencil sqrt(n) x sqrt(n), a vector n. */
    long[] extents(long n);

    /** True when the backend implements this kernel for the type (its kernel family says). */
    boolean supports(Backend backend, DType dtype);

    /** Peer libraries that have this kernel, by name. */
    default Set<String> peers() {
        return Set.of();
    }

    /** Seeded operands of sweep size n (never all zeros or ones). */
    Instance prepare(DType dtype, long n, long seed);

    /** Operands of one point, shared by its contenders. */
    interface Instance extends AutoCloseable {

        /** One call through Pel on {@code runtime}; it leaves its output where {@link #verify} reads it. */
        KernelCall bind(PelRuntime runtime);

        /** One call through a peer library, or empty when the peer has no such kernel. */
        default Optional<KernelCall> bindPeer(String peer) {
            return Optional.empty();
        }

        /**
         * Checks the result of the call just made ({@code result}: what it returned).
         *
         * @throws WrongResultException naming {@code who}, the point and the worst element
         */
        void verify(double result, String who);

        @Override
        default void close() {
        }
    }
}
