package dev.pel.kernels.cpu;

import dev.pel.kernels.spi.LinalgKernelSet;

/** The {@code cpu-scalar} dense linear algebra: the reference loops of {@link ScalarLinalgF64}/{@link ScalarLinalgF32}. */
public final class ScalarLinalgKernelSet implements LinalgKernelSet {
    public static final ScalarLinalgKernelSet INSTANCE = new ScalarLinalgKernelSet();

    private ScalarLinalgKernelSet() {
    }

    // @twin-begin F64
    @Override
    public void gemm(int m, int n, int k, double alpha, double[] a, int offA, int rsA, int csA, double[] b, int offB, int rsB,
            int csB, double beta, double[] c, int offC, int rsC, int csC, int threads) {
        ScalarLinalgF64.gemm(m, n, k, alpha, a, offA, rsA, csA, b, offB, rsB, csB, beta, c, offC, rsC, csC);
    }

    @Override
    public void gemv(int m, int n, double alpha, double[] a, int offA, int rsA, int csA, double[] x, int x0, int incx, double beta,
            double[] y, int y0, int incy, int threads) {
        ScalarLinalgF64.gemv(m, n, alpha, a, offA, rsA, csA, x, x0, incx, beta, y, y0, incy);
    }

    @Override
    public void ger(int m, int n, double alpha, double[] x, int x0, int incx, double[] y, int y0, int incy, double[] a, int offA,
            int rsA, int csA, int threads) {
        ScalarLinalgF64.ger(m, n, alpha, x, x0, incx, y, y0, incy, a, offA, rsA, csA);
    }

    @Override
    public void syrk(boolean upper, int n, int k, double alpha, double[] a, int offA, int rsA, int csA, double beta, double[] c,
            int offC, int rsC, int csC, int threads) {
        ScalarLinalgF64.syrk(upper, n, k, alpha, a, offA, rsA, csA, beta, c, offC, rsC, csC);
    }
    // @twin-end
    // @twin-generated F32 from the F64 region above by TwinGenerator: do not edit
    @Override
    public void gemm(int m, int n, int k, float alpha, float[] a, int offA, int rsA, int csA, float[] b, int offB, int rsB,
            int csB, float beta, float[] c, int offC, int rsC, int csC, int threads) {
        ScalarLinalgF32.gemm(m, n, k, alpha, a, offA, rsA, csA, b, offB, rsB, csB, beta, c, offC, rsC, csC);
    }

    @Override
    public void gemv(int m, int n, float alpha, float[] a, int offA, int rsA, int csA, float[] x, int x0, int incx, float beta,
            float[] y, int y0, int incy, int threads) {
        ScalarLinalgF32.gemv(m, n, alpha, a, offA, rsA, csA, x, x0, incx, beta, y, y0, incy);
    }

    @Override
    public void ger(int m, int n, float alpha, float[] x, int x0, int incx, float[] y, int y0, int incy, float[] a, int offA,
            int rsA, int csA, int threads) {
        ScalarLinalgF32.ger(m, n, alpha, x, x0, incx, y, y0, incy, a, offA, rsA, csA);
    }

    @Override
    public void syrk(boolean upper, int n, int k, float alpha, float[] a, int offA, int rsA, int csA, float beta, float[] c,
            int offC, int rsC, int csC, int threads) {
        ScalarLinalgF32.syrk(upper, n, k, alpha, a, offA, rsA, csA, beta, c, offC, rsC, csC);
    }
    // @twin-end
}
