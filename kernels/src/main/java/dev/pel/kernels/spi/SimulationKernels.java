package dev.pel.kernels.spi;

/**
 * The simulation kernels of one backend: stencils, n-body, convolution, random streams and
 * Black-Scholes. Implementations assume validated arguments (the {@code Simulation} facade checks
 * them); every vector operand is unit-stride from its {@code start}. The semantics, shared by every
 * backend, are documented on the facade; random streams are defined in
 * {@link dev.pel.kernels.cpu.Philox}.
 */
public interface SimulationKernels {
    /** Words [offset, offset + n) of the stream of seed, into out[0..n). */
    void philoxBits(long seed, long offset, int n, int[] out, int threads);

    /** How many of the Monte Carlo pi samples [0, samples) of the stream of seed lie inside the quarter disc. */
    long piHits(long seed, long samples, int threads);

    // @twin-begin F64
    /** {@code steps} 5-point heat steps alternating a -> b -> a ...; the result is in a when steps is even, else b. */
    void heat2d(int nx, int ny, double alpha, boolean periodic, int steps, VecF64 a, VecF64 b, int threads);

    /** The 7-point 3-D twin of {@link #heat2d}; cell (i, j, k) at index i + nx (j + ny k). */
    void heat3d(int nx, int ny, int nz, double alpha, boolean periodic, int steps, VecF64 a, VecF64 b, int threads);

    /** One all-pairs step: accelerations from the old positions, then v += a dt, then x += v dt. */
    void nbody(int n, double softening, double dt, VecF64 x, VecF64 y, VecF64 z, VecF64 vx, VecF64 vy, VecF64 vz, VecF64 mass,
            int threads);

    /** out[i] = sum_k f[k] x[i + k - k/2] in k order; outside [0, n): clamped index, or zero. */
    void convolve1d(int n, VecF64 x, int k, VecF64 filter, boolean clamp, VecF64 out, int threads);

    /** The 2-D twin of {@link #convolve1d} over a row-major w x h image and kw x kh filter (ky outer, kx inner). */
    void convolve2d(int w, int h, VecF64 image, int kw, int kh, VecF64 filter, boolean clamp, VecF64 out, int threads);

    /** Elements [offset, offset + n) of the uniform stream of seed. */
    void uniform(long seed, long offset, int n, VecF64 out, int threads);

    /** Elements [offset, offset + n) of the normal stream of seed. */
    void normal(long seed, long offset, int n, VecF64 out, int threads);

    /** European call and put prices of n options, with the riskless rate r and volatility sigma shared. */
    void blackScholes(int n, VecF64 s, VecF64 k, VecF64 t, double r, double sigma, VecF64 call, VecF64 put, int threads);
    // @twin-end
    // @twin-generated F32 from the F64 region above by TwinGenerator: do not edit
    /** {@code steps} 5-point heat steps alternating a -> b -> a ...; the result is in a when steps is even, else b. */
    void heat2d(int nx, int ny, float alpha, boolean periodic, int steps, VecF32 a, VecF32 b, int threads);

    /** The 7-point 3-D twin of {@link #heat2d}; cell (i, j, k) at index i + nx (j + ny k). */
    void heat3d(int nx, int ny, int nz, float alpha, boolean periodic, int steps, VecF32 a, VecF32 b, int threads);

    /** One all-pairs step: accelerations from the old positions, then v += a dt, then x += v dt. */
    void nbody(int n, float softening, float dt, VecF32 x, VecF32 y, VecF32 z, VecF32 vx, VecF32 vy, VecF32 vz, VecF32 mass,
            int threads);

    /** out[i] = sum_k f[k] x[i + k - k/2] in k order; outside [0, n): clamped index, or zero. */
    void convolve1d(int n, VecF32 x, int k, VecF32 filter, boolean clamp, VecF32 out, int threads);

    /** The 2-D twin of {@link #convolve1d} over a row-major w x h image and kw x kh filter (ky outer, kx inner). */
    void convolve2d(int w, int h, VecF32 image, int kw, int kh, VecF32 filter, boolean clamp, VecF32 out, int threads);

    /** Elements [offset, offset + n) of the uniform stream of seed. */
    void uniform(long seed, long offset, int n, VecF32 out, int threads);

    /** Elements [offset, offset + n) of the normal stream of seed. */
    void normal(long seed, long offset, int n, VecF32 out, int threads);

    /** European call and put prices of n options, with the riskless rate r and volatility sigma shared. */
    void blackScholes(int n, VecF32 s, VecF32 k, VecF32 t, float r, float sigma, VecF32 call, VecF32 put, int threads);
    // @twin-end
}
