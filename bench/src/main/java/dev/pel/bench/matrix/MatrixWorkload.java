package dev.pel.bench.matrix;

import dev.pel.bench.workload.KernelCall;
import dev.pel.bench.workload.Workload;
import dev.pel.bench.workload.WrongResultException;
import dev.pel.kernels.LinalgKernels;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.dispatch.KernelSpec;
import dev.pel.runtime.spi.Backend;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * gemm and gemv in {@code pel sweep}: at sweep size n, square matrices of side floor(sqrt(n)) (n
 * elements each: n = 1,048,576 is gemm 1024 x 1024 x 1024), row-major, alpha 1, beta 0. Peers are the
 * matrix libraries of {@link MatrixSweep} (OpenBLAS, EJML, netlib); every result is checked on
 * sampled elements against float64 dot products before it is timed.
 */
public final class MatrixWorkload implements Workload {
    public static final MatrixWorkload GEMM = new MatrixWorkload(MatrixKernel.GEMM);
    public static final MatrixWorkload GEMV = new MatrixWorkload(MatrixKernel.GEMV);

    private final MatrixKernel kernel;

    private MatrixWorkload(MatrixKernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public String name() {
        return kernel.label();
    }

    @Override
    public KernelSpec spec() {
        return kernel.spec;
    }

    static int side(long n) {
        return (int) Math.max(1, Math.floor(Math.sqrt((double) n)));
    }

    @Override
    public long[] extents(long n) {
        long s = side(n);
        return kernel == MatrixKernel.GEMM ? new long[] {s, s, s} : new long[] {s, s, 1};
    }

    @Override
    public boolean supports(Backend backend, DType dtype) {
        return LinalgKernels.FAMILY.supports(backend, dtype);
    }

    /** The peers that can run here (OpenBLAS needs its native library to load). */
    @Override
    public Set<String> peers() {
        Set<String> out = new LinkedHashSet<>();
        MatrixSweep.implementations().forEach((name, impl) -> {
            if (!name.startsWith("pel:") && impl.unavailableReason().isEmpty()) {
                out.add(name);
            }
        });
        return out;
    }

    @Override
    public Instance prepare(DType dtype, long n, long seed) {
        int s = side(n);
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = r.doubles((long) s * s, -1, 1).toArray();
        double[] b = r.doubles(kernel == MatrixKernel.GEMM ? (long) s * s : s, -1, 1).toArray();
        boolean f32 = dtype == DType.F32;
        MatrixSweep.Shape shape = new MatrixSweep.Shape(s, s, s);
        return new Instance() {
            private final List<MatrixImpl.Bound> bound = new ArrayList<>();
            private MatrixImpl.Bound last;

            private KernelCall call(MatrixImpl.Bound b) {
                bound.add(b);
                last = b;
                return () -> {
                    b.call();
                    return 0;
                };
            }

            @Override
            public KernelCall bind(PelRuntime runtime) {
                return call(PelMatrixImpl.prepare(runtime, kernel, f32, s, s, s, a, b));
            }

            @Override
            public Optional<KernelCall> bindPeer(String peer) {
                MatrixImpl impl = MatrixSweep.implementations().get(peer);
                return impl == null ? Optional.empty() : Optional.of(call(impl.prepare(kernel, f32, s, s, s, a, b)));
            }

            @Override
            public void verify(double result, String who) {
                String wrong = MatrixSweep.check(kernel, f32, shape, a, b, last);
                if (wrong != null) {
                    throw new WrongResultException(String.format(Locale.ROOT, "%s gave a wrong result for %s %s %dx%d: %s", who,
                            kernel.label(), dtype.label(), s, s, wrong));
                }
            }

            @Override
            public void close() {
                bound.forEach(MatrixImpl.Bound::close);
            }
        };
    }
}
