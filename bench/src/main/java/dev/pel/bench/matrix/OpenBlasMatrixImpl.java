package dev.pel.bench.matrix;

import java.util.Optional;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * OpenBLAS itself through JavaCPP's preset ({@code org.bytedeco:openblas}, native library inside
 * the jar), at full strength: every core (OpenBLAS's default unless {@code OPENBLAS_NUM_THREADS} says
 * otherwise; the preset exposes no thread setter), the kernel OpenBLAS picks for this CPU at load
 * time, operands in off-heap memory so no call copies Java arrays.
 */
final class OpenBlasMatrixImpl implements MatrixImpl {
    private static volatile String failure;
    private static volatile boolean loaded;

    private static synchronized void load() {
        if (loaded || failure != null) {
            return;
        }
        try {
            org.bytedeco.javacpp.Loader.load(openblas_nolapack.class);
            loaded = true;
        } catch (Throwable t) {
            failure = "OpenBLAS (org.bytedeco:openblas) failed to load: " + t;
        }
    }

    @Override
    public String name() {
        return "openblas";
    }

    @Override
    public Optional<String> unavailableReason() {
        load();
        return Optional.ofNullable(failure);
    }

    @Override
    public String details() {
        load();
        String env = System.getenv("OPENBLAS_NUM_THREADS");
        return loaded ? "OpenBLAS (org.bytedeco:openblas, built for " + openblas_nolapack.OPENBLAS_CHAR_CORENAME
                + " with its run-time kernel choice), threads: " + (env == null ? "all " + Runtime.getRuntime().availableProcessors()
                        + " cores (OpenBLAS's default; OPENBLAS_NUM_THREADS unset)" : "OPENBLAS_NUM_THREADS=" + env) : failure;
    }

    @Override
    public Bound prepare(MatrixKernel kernel, boolean f32, int m, int n, int k, double[] a, double[] b) {
        load();
        int order = openblas_nolapack.CblasRowMajor;
        int nt = openblas_nolapack.CblasNoTrans;
        int cLen = kernel == MatrixKernel.GEMM ? m * n : m;
        if (f32) {
            FloatPointer pa = new FloatPointer(MatrixSweep.toFloat(a));
            FloatPointer pb = new FloatPointer(MatrixSweep.toFloat(b));
            FloatPointer pc = new FloatPointer(cLen);
            Runnable call = kernel == MatrixKernel.GEMM
                    ? () -> openblas_nolapack.cblas_sgemm(order, nt, nt, m, n, k, 1f, pa, k, pb, n, 0f, pc, n)
                    : () -> openblas_nolapack.cblas_sgemv(order, nt, m, n, 1f, pa, n, pb, 1, 0f, pc, 1);
            return new MatrixImpl.Bound() {
                @Override
                public void call() {
                    call.run();
                }

                @Override
                public double result(int i) {
                    return pc.get(i);
                }

                @Override
                public void close() {
                    pa.close();
                    pb.close();
                    pc.close();
                }
            };
        }
        DoublePointer pa = new DoublePointer(a);
        DoublePointer pb = new DoublePointer(b);
        DoublePointer pc = new DoublePointer(cLen);
        Runnable call = kernel == MatrixKernel.GEMM ? () -> openblas_nolapack.cblas_dgemm(order, nt, nt, m, n, k, 1, pa, k, pb, n, 0, pc, n)
                : () -> openblas_nolapack.cblas_dgemv(order, nt, m, n, 1, pa, n, pb, 1, 0, pc, 1);
        return new MatrixImpl.Bound() {
            @Override
            public void call() {
                call.run();
            }

            @Override
            public double result(int i) {
                return pc.get(i);
            }

            @Override
            public void close() {
                pa.close();
                pb.close();
                pc.close();
            }
        };
    }
}
