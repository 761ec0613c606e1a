package dev.pel.bench.matrix;

import dev.pel.kernels.Linalg;
import dev.pel.kernels.Linalg.Layout;
import dev.pel.kernels.Linalg.Transpose;
import dev.pel.runtime.PelRuntime;
import java.util.Optional;

/** Pel's {@link Linalg} forced onto one backend (or {@code auto}). */
final class PelMatrixImpl implements MatrixImpl {
    private final String backend;

    PelMatrixImpl(String backend) {
        this.backend = backend;
    }

    @Override
    public String name() {
        return "pel:" + backend;
    }

    private PelRuntime runtime() {
        return backend.equals("auto") ? PelRuntime.defaultRuntime() : PelRuntime.defaultRuntime().withBackend(backend);
    }

    @Override
    public Optional<String> unavailableReason() {
        try {
            runtime();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public String details() {
        return PelRuntime.defaultRuntime().backend(backend).map(b -> b.name() + " (" + b.details() + ")").orElse(backend);
    }

    @Override
    public Bound prepare(MatrixKernel kernel, boolean f32, int m, int n, int k, double[] a, double[] b) {
        return prepare(runtime(), kernel, f32, m, n, k, a, b);
    }

    /** Row-major {@code C = A B} (or {@code y = A x}) through Pel on {@code runtime}. */
    static Bound prepare(PelRuntime runtime, MatrixKernel kernel, boolean f32, int m, int n, int k, double[] a, double[] b) {
        Linalg la = Linalg.on(runtime);
        Layout rm = Layout.ROW_MAJOR;
        Transpose nt = Transpose.NO_TRANSPOSE;
        if (f32) {
            float[] af = MatrixSweep.toFloat(a);
            float[] bf = MatrixSweep.toFloat(b);
            float[] c = new float[kernel == MatrixKernel.GEMM ? m * n : m];
            Runnable call = kernel == MatrixKernel.GEMM ? () -> la.gemm(rm, nt, nt, m, n, k, 1f, af, 0, k, bf, 0, n, 0f, c, 0, n)
                    : () -> la.gemv(rm, nt, m, n, 1f, af, 0, n, bf, 0, 1, 0f, c, 0, 1);
            return MatrixSweep.bound(call, i -> c[i]);
        }
        double[] c = new double[kernel == MatrixKernel.GEMM ? m * n : m];
        Runnable call = kernel == MatrixKernel.GEMM ? () -> la.gemm(rm, nt, nt, m, n, k, 1, a, 0, k, b, 0, n, 0, c, 0, n)
                : () -> la.gemv(rm, nt, m, n, 1, a, 0, n, b, 0, 1, 0, c, 0, 1);
        return MatrixSweep.bound(call, i -> c[i]);
    }
}
