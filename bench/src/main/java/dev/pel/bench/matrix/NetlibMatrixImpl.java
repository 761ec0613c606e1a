package dev.pel.bench.matrix;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import java.util.Optional;

/**
 * dev.ludovic.netlib: {@code netlib-vector} is {@link JavaBLAS#getInstance()} (its Vector API
 * {@code VectorBLAS} when the module is present), {@code netlib-java} is {@link BLAS#getInstance()}
 * (its JNI binding over the system BLAS where one is installed, else the same Java code). Both are
 * column-major: the row-major product C = A B is computed as C^T = B^T A^T.
 */
final class NetlibMatrixImpl implements MatrixImpl {
    private final String name;
    private final boolean javaOnly;

    NetlibMatrixImpl(boolean javaOnly) {
        this.javaOnly = javaOnly;
        this.name = javaOnly ? "netlib-vector" : "netlib-java";
    }

    private BLAS blas() {
        java.util.logging.Logger.getLogger("dev.ludovic.netlib.blas.InstanceBuilder").setLevel(java.util.logging.Level.SEVERE);
        return javaOnly ? JavaBLAS.getInstance() : BLAS.getInstance();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    @Override
    public String details() {
        return blas().getClass().getName();
    }

    @Override
    public Bound prepare(MatrixKernel kernel, boolean f32, int m, int n, int k, double[] a, double[] b) {
        BLAS blas = blas();
        boolean gemm = kernel == MatrixKernel.GEMM;
        if (f32) {
            float[] af = MatrixSweep.toFloat(a);
            float[] bf = MatrixSweep.toFloat(b);
            float[] c = new float[gemm ? m * n : m];
            // gemv: row-major A (m x n) is a column-major n x m matrix: y = (A^T)^T x, "T" on it.
            Runnable call = gemm ? () -> blas.sgemm("N", "N", n, m, k, 1f, bf, n, af, k, 0f, c, n)
                    : () -> blas.sgemv("T", n, m, 1f, af, n, bf, 1, 0f, c, 1);
            return MatrixSweep.bound(call, i -> c[i]);
        }
        double[] c = new double[gemm ? m * n : m];
        Runnable call = gemm ? () -> blas.dgemm("N", "N", n, m, k, 1, b, n, a, k, 0, c, n)
                : () -> blas.dgemv("T", n, m, 1, a, n, b, 1, 0, c, 1);
        return MatrixSweep.bound(call, i -> c[i]);
    }
}
