package dev.pel.kernels.spi;

/**
 * One backend's implementation of the foundation kernels. Arguments are validated by the
 * facades before they get here (lengths, ranges, aliasing, closed arrays): implementations assume
 * valid input and never re-check in the hot loop. {@code threads} is the dispatcher's decision,
 * at most the backend's {@code maxThreads()}.
 *
 * <p>Semantics every implementation shares (the scalar reference defines them):
 * <ul>
 *   <li>reductions over n = 0: sum, dot, asum, nrm2 give 0; mean and variance give NaN; iamax gives -1;
 *       min and max are rejected by the facade;</li>
 *   <li>NaN propagates through sum, dot, min, max, mean, variance and nrm2 (nrm2 of data with an
 *       infinity and no NaN is +Inf); iamax returns the first NaN's index if there is one, else the
 *       first index of the largest magnitude;</li>
 *   <li>float reductions accumulate in fixed blocks and combine block results in double, so the
 *       result does not depend on the thread count.</li>
 * </ul>
 */
public interface KernelSet {
    // @twin-begin F64
    void axpy(long n, double a, VecF64 x, VecF64 y, int threads);

    void scal(long n, double a, VecF64 x, int threads);

    void copy(long n, VecF64 x, VecF64 y, int threads);

    void swap(long n, VecF64 x, VecF64 y, int threads);

    double dot(long n, VecF64 x, VecF64 y, int threads);

    double nrm2(long n, VecF64 x, int threads);

    double asum(long n, VecF64 x, int threads);

    long iamax(long n, VecF64 x, int threads);

    double sum(long n, VecF64 x, int threads);

    double mean(long n, VecF64 x, int threads);

    /** Sum of squared deviations from the mean divided by {@code n - ddof}. */
    double variance(long n, VecF64 x, int ddof, int threads);

    double min(long n, VecF64 x, int threads);

    double max(long n, VecF64 x, int threads);

    void unary(UnaryOp op, long n, VecF64 x, VecF64 out, int threads);

    void binary(BinaryOp op, long n, VecF64 x, VecF64 y, VecF64 out, int threads);

    /** {@code out = x op s}, or {@code out = s op x} when {@code scalarFirst}. */
    void binaryScalar(BinaryOp op, long n, VecF64 x, double s, boolean scalarFirst, VecF64 out, int threads);

    /** {@code out = x * y + z}, fused (one rounding). */
    void fma(long n, VecF64 x, VecF64 y, VecF64 z, VecF64 out, int threads);

    /** {@code out = x * a + b}, fused (one rounding). */
    void fmaScalar(long n, VecF64 x, double a, double b, VecF64 out, int threads);

    /** {@code out = min(max(x, lo), hi)}; NaN stays NaN. */
    void clamp(long n, VecF64 x, double lo, double hi, VecF64 out, int threads);
    // @twin-end
    // @twin-generated F32 from the F64 region above by TwinGenerator: do not edit
    void axpy(long n, float a, VecF32 x, VecF32 y, int threads);

    void scal(long n, float a, VecF32 x, int threads);

    void copy(long n, VecF32 x, VecF32 y, int threads);

    void swap(long n, VecF32 x, VecF32 y, int threads);

    float dot(long n, VecF32 x, VecF32 y, int threads);

    float nrm2(long n, VecF32 x, int threads);

    float asum(long n, VecF32 x, int threads);

    long iamax(long n, VecF32 x, int threads);

    float sum(long n, VecF32 x, int threads);

    float mean(long n, VecF32 x, int threads);

    /** Sum of squared deviations from the mean divided by {@code n - ddof}. */
    float variance(long n, VecF32 x, int ddof, int threads);

    float min(long n, VecF32 x, int threads);

    float max(long n, VecF32 x, int threads);

    void unary(UnaryOp op, long n, VecF32 x, VecF32 out, int threads);

    void binary(BinaryOp op, long n, VecF32 x, VecF32 y, VecF32 out, int threads);

    /** {@code out = x op s}, or {@code out = s op x} when {@code scalarFirst}. */
    void binaryScalar(BinaryOp op, long n, VecF32 x, float s, boolean scalarFirst, VecF32 out, int threads);

    /** {@code out = x * y + z}, fused (one rounding). */
    void fma(long n, VecF32 x, VecF32 y, VecF32 z, VecF32 out, int threads);

    /** {@code out = x * a + b}, fused (one rounding). */
    void fmaScalar(long n, VecF32 x, float a, float b, VecF32 out, int threads);

    /** {@code out = min(max(x, lo), hi)}; NaN stays NaN. */
    void clamp(long n, VecF32 x, float lo, float hi, VecF32 out, int threads);
    // @twin-end
}
