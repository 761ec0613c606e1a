package dev.pel.kernels;

import dev.pel.kernels.spi.SimulationKernels;
import dev.pel.kernels.spi.VecF32;
import dev.pel.kernels.spi.VecF64;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.dispatch.Placement;
import dev.pel.runtime.memory.DoubleArray;
import dev.pel.runtime.memory.FloatArray;

/**
 * Simulation kernels on every backend: heat-diffusion stencils with time stepping, an all-pairs
 * n-body step, 1-D and 2-D convolution, reproducible random streams (Philox4x32-10) with a Monte
 * Carlo estimate of pi, and Black-Scholes option pricing. Float and double; heap arrays, and
 * off-heap arrays where data should stay on a device between calls.
 *
 * <h2>Heat diffusion (Jacobi)</h2>
 * One step maps u to {@code u'(c) = u(c) + alpha (sum of the 2d neighbours - 2d u(c))} (2-D: west,
 * east, north, south; 3-D also down and up), evaluated as
 * {@code c + alpha * (((w + e) + (n + s)) - 4c)} (3-D: {@code + (d + u)}, {@code - 6c}) in this
 * order on every backend, without fused multiply-adds. Cell (i, j) of an nx x ny grid is element
 * {@code i + nx j}; cell (i, j, k) of a 3-D grid is {@code i + nx (j + ny k)}. Boundaries:
 * {@link Boundary#FIXED} (Dirichlet: cells on the faces keep their values) or
 * {@link Boundary#PERIODIC} (indices wrap). The explicit scheme is stable for
 * {@code 0 <= alpha <= 1/4} (2-D) and {@code 1/6} (3-D); other values are computed as asked.
 * A call runs {@code steps} steps, alternating grid -&gt; scratch -&gt; grid ... with no copies;
 * <b>the result is in {@code grid} when steps is even and in {@code scratch} when it is odd</b> (the
 * method returns that array; the other holds the step before). Off-heap grids stay resident on an
 * OpenCL device across steps and across calls: nothing returns to the host until host code reads.
 *
 * <h2>n-body</h2>
 * With G = 1 and softening eps &gt; 0: {@code a_i = sum_j m_j r_ij / (|r_ij|^2 + eps^2)^(3/2)},
 * {@code r_ij = x_j - x_i} (a body's pull on itself is exactly 0), all from the old positions; then
 * {@code v_i += a_i dt} and {@code x_i += v_i dt} (semi-implicit Euler, "kick-drift"), in place.
 *
 * <h2>Convolution</h2>
 * The image-processing (correlation) form, filter centred, not flipped:
 * {@code out[i] = sum_q f[q] x[i + q - k/2]} summed in q order (2-D: row-major filter, rows outer);
 * filter sizes are odd. Outside the input, {@link Edge#CLAMP} repeats the nearest edge element and
 * {@link Edge#ZERO} reads zeros. The output must not overlap the input.
 *
 * <h2>Random streams</h2>
 * Defined in {@link dev.pel.kernels.cpu.Philox}: element i of the stream of a seed is a pure
 * function of (seed, i), so every backend, vector width and thread count gives the same words and
 * the same uniforms, bit for bit; normals agree to a few ulps across backends. {@code offset} picks
 * where in the stream a fill starts.
 *
 * <h2>Black-Scholes</h2>
 * European options on non-dividend stock, prices S, strikes K, expiries T (years), one riskless
 * rate r and volatility sigma: {@code call = S N(d1) - K e^{-rT} N(d2)}, {@code put = K e^{-rT} N(-d2) - S N(-d1)}
 * with {@code d1 = (ln(S/K) + (r + sigma^2/2) T) / (sigma sqrt T)}, {@code d2 = d1 - sigma sqrt T} and N
 * the standard normal CDF (Hart's double-precision algorithm, West 2005). S, K, T must be positive
 * (other values give NaN or infinities, as the formula does).
 *
 * <p>Every argument is validated before anything is written; errors name the argument.
 */
public final class Simulation extends Facade<SimulationKernels> {
    /** Stencil boundary conditions. */
    public enum Boundary {
        /** Dirichlet: cells on the grid's faces keep their values. */
        FIXED,
        /** Indices wrap around: the grid is a torus. */
        PERIODIC
    }

    /** What a convolution reads outside its input. */
    public enum Edge {
        /** The nearest element of the input (replicate the border). */
        CLAMP,
        /** Zero. */
        ZERO
    }

    private static final Simulation DEFAULT = new Simulation(null);
    /** Largest stream offset accepted: element indices and their word indices stay far from overflow. */
    public static final long MAX_STREAM_INDEX = 1L << 60;

    private Simulation(PelRuntime runtime) {
        super(runtime, SimulationKernelSets.SIMULATION);
    }

    /** The facade on the default runtime. */
    public static Simulation get() {
        return DEFAULT;
    }

    /** The facade on a runtime. */
    public static Simulation on(PelRuntime runtime) {
        return new Simulation(Check.notNull("runtime", runtime));
    }

    private static void extent(String name, int v) {
        if (v < 0) {
            throw new IllegalArgumentException(name + ": must be >= 0, was " + v);
        }
    }

    private static long cells(String arrayName, long length, long... dims) {
        long c = 1;
        for (long d : dims) {
            c *= d; // each extent < 2^31 and three of them fit in a long only if checked
            if (c > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(arrayName + ": a grid of more than 2^31-1 cells is not supported");
            }
        }
        if (c != length) {
            throw new IllegalArgumentException(arrayName + ": length " + length + " != " + c + " cells of the grid");
        }
        return c;
    }

    private static void finite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + ": must be finite, was " + v);
        }
    }

    private static void steps(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps: must be >= 0, was " + steps);
        }
    }

    private static void oddFilter(String name, long length) {
        if (length < 1 || (length & 1) == 0) {
            throw new IllegalArgumentException(name + ": must be odd and >= 1, was " + length);
        }
    }

    private static void stream(long offset, long n) {
        if (offset < 0 || offset > MAX_STREAM_INDEX - n) {
            throw new IllegalArgumentException("offset: must be in [0, 2^60 - n], was " + offset);
        }
    }

    private static void distinct(String aName, Object a, String bName, Object b) {
        if (a == b) {
            throw new IllegalArgumentException(bName + ": is the same array as " + aName + ", which this operation does not allow");
        }
    }

    /** Words [offset, offset + out.length) of the Philox stream of seed (see {@link dev.pel.kernels.cpu.Philox}). */
    public void bits(long seed, long offset, int[] out) {
        Check.notNull("out", out);
        stream(offset, out.length);
        int n = out.length;
        run(Catalogue.PHILOX_BITS, DType.F32, n, Placement.HEAP, (set, threads) -> set.philoxBits(seed, offset, n, out, threads));
    }

    /** How many of the first {@code samples} Monte Carlo pi samples of the stream of seed fall inside the quarter disc. */
    public long piHits(long seed, long samples) {
        if (samples < 0 || samples > MAX_STREAM_INDEX) {
            throw new IllegalArgumentException("samples: must be in [0, 2^60], was " + samples);
        }
        return reduceIndex(Catalogue.MONTE_CARLO_PI, DType.F32, samples, Placement.HOST,
                (set, threads) -> set.piHits(seed, samples, threads));
    }

    /** The Monte Carlo estimate of pi from {@code samples} samples: 4 hits / samples (standard error about 1.64 / sqrt(samples)). */
    public double estimatePi(long seed, long samples) {
        if (samples <= 0) {
            throw new IllegalArgumentException("samples: must be > 0, was " + samples);
        }
        return 4.0 * piHits(seed, samples) / samples;
    }

    private static final String[] NBODY_NAMES = {"x", "y", "z", "vx", "vy", "vz", "mass"};

    private static final String[] BLACK_SCHOLES_NAMES = {"s", "k", "t", "call", "put"};

    // @twin-begin F64
    private void heat2dF64(VecF64 grid, VecF64 scratch, int nx, int ny, double alpha, Boundary boundary, int steps) {
        long n = (long) nx * ny;
        Check.notNull("boundary", boundary);
        finite("alpha", alpha);
        steps(steps);
        Operands.disjoint("grid", grid, "scratch", scratch, n, false);
        boolean periodic = boundary == Boundary.PERIODIC;
        run(Catalogue.HEAT2D, DType.F64, n, steps, 1, Operands.where(grid, scratch),
                (set, threads) -> set.heat2d(nx, ny, alpha, periodic, steps, grid, scratch, threads));
    }

    /**
     * {@code steps} 2-D heat-diffusion steps on an nx x ny grid (cell (i, j) at {@code i + nx j}),
     * alternating between grid and scratch (same length, distinct arrays).
     *
     * @return the array holding the result: grid when steps is even, scratch when odd
     */
    public double[] heat2d(double[] grid, double[] scratch, int nx, int ny, double alpha, Boundary boundary, int steps) {
        Check.notNull("grid", grid);
        Check.notNull("scratch", scratch);
        extent("nx", nx);
        extent("ny", ny);
        cells("grid", grid.length, nx, ny);
        cells("scratch", scratch.length, nx, ny);
        distinct("grid", grid, "scratch", scratch);
        heat2dF64(VecF64.heap(grid, 0, 1), VecF64.heap(scratch, 0, 1), nx, ny, alpha, boundary, steps);
        return (steps & 1) == 0 ? grid : scratch;
    }

    /** {@link #heat2d(double[], double[], int, int, double, Boundary, int)} on off-heap grids, which stay where they live. */
    public DoubleArray heat2d(DoubleArray grid, DoubleArray scratch, int nx, int ny, double alpha, Boundary boundary, int steps) {
        Check.open("grid", grid);
        Check.open("scratch", scratch);
        extent("nx", nx);
        extent("ny", ny);
        cells("grid", grid.length(), nx, ny);
        cells("scratch", scratch.length(), nx, ny);
        heat2dF64(VecF64.offHeap(grid, 0, 1), VecF64.offHeap(scratch, 0, 1), nx, ny, alpha, boundary, steps);
        return (steps & 1) == 0 ? grid : scratch;
    }

    private void heat3dF64(VecF64 grid, VecF64 scratch, int nx, int ny, int nz, double alpha, Boundary boundary, int steps) {
        long n = (long) nx * ny * nz;
        Check.notNull("boundary", boundary);
        finite("alpha", alpha);
        steps(steps);
        Operands.disjoint("grid", grid, "scratch", scratch, n, false);
        boolean periodic = boundary == Boundary.PERIODIC;
        run(Catalogue.HEAT3D, DType.F64, n, steps, 1, Operands.where(grid, scratch),
                (set, threads) -> set.heat3d(nx, ny, nz, alpha, periodic, steps, grid, scratch, threads));
    }

    /**
     * {@code steps} 3-D heat-diffusion steps on an nx x ny x nz grid (cell (i, j, k) at
     * {@code i + nx (j + ny k)}), alternating between grid and scratch.
     *
     * @return the array holding the result: grid when steps is even, scratch when odd
     */
    public double[] heat3d(double[] grid, double[] scratch, int nx, int ny, int nz, double alpha, Boundary boundary, int steps) {
        Check.notNull("grid", grid);
        Check.notNull("scratch", scratch);
        extent("nx", nx);
        extent("ny", ny);
        extent("nz", nz);
        cells("grid", grid.length, nx, ny, nz);
        cells("scratch", scratch.length, nx, ny, nz);
        distinct("grid", grid, "scratch", scratch);
        heat3dF64(VecF64.heap(grid, 0, 1), VecF64.heap(scratch, 0, 1), nx, ny, nz, alpha, boundary, steps);
        return (steps & 1) == 0 ? grid : scratch;
    }

    /** {@link #heat3d(double[], double[], int, int, int, double, Boundary, int)} on off-heap grids. */
    public DoubleArray heat3d(DoubleArray grid, DoubleArray scratch, int nx, int ny, int nz, double alpha, Boundary boundary,
            int steps) {
        Check.open("grid", grid);
        Check.open("scratch", scratch);
        extent("nx", nx);
        extent("ny", ny);
        extent("nz", nz);
        cells("grid", grid.length(), nx, ny, nz);
        cells("scratch", scratch.length(), nx, ny, nz);
        heat3dF64(VecF64.offHeap(grid, 0, 1), VecF64.offHeap(scratch, 0, 1), nx, ny, nz, alpha, boundary, steps);
        return (steps & 1) == 0 ? grid : scratch;
    }

    private void nbodyF64(VecF64[] v, long n, double softening, double dt) {
        for (int a = 1; a < v.length; a++) {
            for (int b = 0; b < a; b++) {
                Operands.disjoint(NBODY_NAMES[b], v[b], NBODY_NAMES[a], v[a], n, false);
            }
        }
        if (!(softening > 0) || !Double.isFinite(softening)) {
            throw new IllegalArgumentException("softening: must be finite and > 0, was " + softening);
        }
        finite("dt", dt);
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("x: more than 2^31-1 bodies are not supported, was " + n);
        }
        int bodies = (int) n;
        Placement where = Operands.where(v[0], v[1], v[2], v[3]).and(Operands.where(v[4], v[5], v[6]));
        run(Catalogue.NBODY, DType.F64, n, n, 1, where,
                (set, threads) -> set.nbody(bodies, softening, dt, v[0], v[1], v[2], v[3], v[4], v[5], v[6], threads));
    }

    /**
     * One all-pairs n-body step, in place (see the class comment). All seven arrays have one
     * element per body; the six updated ones must be distinct arrays, and distinct from mass.
     */
    public void nbody(double[] x, double[] y, double[] z, double[] vx, double[] vy, double[] vz, double[] mass, double softening,
            double dt) {
        double[][] arrays = {x, y, z, vx, vy, vz, mass};
        VecF64[] v = new VecF64[arrays.length];
        for (int a = 0; a < arrays.length; a++) {
            Check.notNull(NBODY_NAMES[a], arrays[a]);
            Check.sameLength(NBODY_NAMES[a], arrays[a].length, "x", arrays[0].length);
            v[a] = VecF64.heap(arrays[a], 0, 1);
        }
        nbodyF64(v, x.length, softening, dt);
    }

    /** {@link #nbody(double[], double[], double[], double[], double[], double[], double[], double, double)} on off-heap arrays. */
    public void nbody(DoubleArray x, DoubleArray y, DoubleArray z, DoubleArray vx, DoubleArray vy, DoubleArray vz, DoubleArray mass,
            double softening, double dt) {
        DoubleArray[] arrays = {x, y, z, vx, vy, vz, mass};
        VecF64[] v = new VecF64[arrays.length];
        for (int a = 0; a < arrays.length; a++) {
            Check.open(NBODY_NAMES[a], arrays[a]);
            Check.sameLength(NBODY_NAMES[a], arrays[a].length(), "x", arrays[0].length());
            v[a] = VecF64.offHeap(arrays[a], 0, 1);
        }
        nbodyF64(v, x.length(), softening, dt);
    }

    private void convolve1dF64(VecF64 x, long n, VecF64 filter, long k, Edge edge, VecF64 out) {
        Check.notNull("edge", edge);
        oddFilter("filter", k);
        Operands.disjoint("x", x, "out", out, n, false);
        boolean clamp = edge == Edge.CLAMP;
        run(Catalogue.CONVOLVE1D, DType.F64, n, k, 1, Operands.where(x, filter, out),
                (set, threads) -> set.convolve1d((int) n, x, (int) k, filter, clamp, out, threads));
    }

    /** out[i] = sum_q filter[q] x[i + q - k/2] (k = filter.length, odd); out has x's length and must not be x. */
    public void convolve1d(double[] x, double[] filter, Edge edge, double[] out) {
        Check.notNull("x", x);
        Check.notNull("filter", filter);
        Check.notNull("out", out);
        Check.sameLength("out", out.length, "x", x.length);
        convolve1dF64(VecF64.heap(x, 0, 1), x.length, VecF64.heap(filter, 0, 1), filter.length, edge, VecF64.heap(out, 0, 1));
    }

    /** {@link #convolve1d(double[], double[], Edge, double[])} on off-heap arrays. */
    public void convolve1d(DoubleArray x, DoubleArray filter, Edge edge, DoubleArray out) {
        Check.open("x", x);
        Check.open("filter", filter);
        Check.open("out", out);
        Check.sameLength("out", out.length(), "x", x.length());
        if (x.length() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("x: more than 2^31-1 elements are not supported, was " + x.length());
        }
        convolve1dF64(VecF64.offHeap(x, 0, 1), x.length(), VecF64.offHeap(filter, 0, 1), filter.length(), edge,
                VecF64.offHeap(out, 0, 1));
    }

    private void convolve2dF64(VecF64 image, int w, int h, VecF64 filter, int kw, int kh, Edge edge, VecF64 out) {
        Check.notNull("edge", edge);
        oddFilter("kw", kw);
        oddFilter("kh", kh);
        long n = (long) w * h;
        Operands.disjoint("image", image, "out", out, n, false);
        boolean clamp = edge == Edge.CLAMP;
        run(Catalogue.CONVOLVE2D, DType.F64, n, (long) kw * kh, 1, Operands.where(image, filter, out),
                (set, threads) -> set.convolve2d(w, h, image, kw, kh, filter, clamp, out, threads));
    }

    /**
     * 2-D convolution of a row-major w x h image (pixel (x, y) at {@code x + w y}) with a row-major
     * kw x kh filter (both odd); out has the image's size and must not be the image.
     */
    public void convolve2d(double[] image, int w, int h, double[] filter, int kw, int kh, Edge edge, double[] out) {
        Check.notNull("image", image);
        Check.notNull("filter", filter);
        Check.notNull("out", out);
        extent("w", w);
        extent("h", h);
        cells("image", image.length, w, h);
        cells("out", out.length, w, h);
        oddFilter("kw", kw);
        oddFilter("kh", kh);
        cells("filter", filter.length, kw, kh);
        convolve2dF64(VecF64.heap(image, 0, 1), w, h, VecF64.heap(filter, 0, 1), kw, kh, edge, VecF64.heap(out, 0, 1));
    }

    /** {@link #convolve2d(double[], int, int, double[], int, int, Edge, double[])} on off-heap arrays. */
    public void convolve2d(DoubleArray image, int w, int h, DoubleArray filter, int kw, int kh, Edge edge, DoubleArray out) {
        Check.open("image", image);
        Check.open("filter", filter);
        Check.open("out", out);
        extent("w", w);
        extent("h", h);
        cells("image", image.length(), w, h);
        cells("out", out.length(), w, h);
        oddFilter("kw", kw);
        oddFilter("kh", kh);
        cells("filter", filter.length(), kw, kh);
        convolve2dF64(VecF64.offHeap(image, 0, 1), w, h, VecF64.offHeap(filter, 0, 1), kw, kh, edge, VecF64.offHeap(out, 0, 1));
    }

    private void fillF64(boolean normal, long seed, long offset, long n, VecF64 out) {
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("out: more than 2^31-1 elements are not supported, was " + n);
        }
        stream(offset, n);
        int len = (int) n;
        if (normal) {
            run(Catalogue.NORMAL, DType.F64, n, Operands.where(out), (set, threads) -> set.normal(seed, offset, len, out, threads));
        } else {
            run(Catalogue.UNIFORM, DType.F64, n, Operands.where(out), (set, threads) -> set.uniform(seed, offset, len, out, threads));
        }
    }

    /** Elements [offset, offset + out.length) of the uniform [0, 1) stream of seed. */
    public void uniform(long seed, long offset, double[] out) {
        Check.notNull("out", out);
        fillF64(false, seed, offset, out.length, VecF64.heap(out, 0, 1));
    }

    /** Elements [offset, offset + out.length()) of the uniform [0, 1) stream of seed. */
    public void uniform(long seed, long offset, DoubleArray out) {
        Check.open("out", out);
        fillF64(false, seed, offset, out.length(), VecF64.offHeap(out, 0, 1));
    }

    /** Elements [offset, offset + out.length) of the standard normal stream of seed. */
    public void normal(long seed, long offset, double[] out) {
        Check.notNull("out", out);
        fillF64(true, seed, offset, out.length, VecF64.heap(out, 0, 1));
    }

    /** Elements [offset, offset + out.length()) of the standard normal stream of seed. */
    public void normal(long seed, long offset, DoubleArray out) {
        Check.open("out", out);
        fillF64(true, seed, offset, out.length(), VecF64.offHeap(out, 0, 1));
    }

    private void blackScholesF64(VecF64[] v, long n, double r, double sigma) {
        for (int a = 3; a < v.length; a++) {
            for (int b = 0; b < a; b++) {
                Operands.disjoint(BLACK_SCHOLES_NAMES[b], v[b], BLACK_SCHOLES_NAMES[a], v[a], n, false);
            }
        }
        finite("r", r);
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma: must be finite and > 0, was " + sigma);
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("s: more than 2^31-1 options are not supported, was " + n);
        }
        int count = (int) n;
        Placement where = Operands.where(v[0], v[1], v[2]).and(Operands.where(v[3], v[4]));
        run(Catalogue.BLACK_SCHOLES, DType.F64, n, where,
                (set, threads) -> set.blackScholes(count, v[0], v[1], v[2], r, sigma, v[3], v[4], threads));
    }

    /**
     * Black-Scholes call and put prices (see the class comment) of options with prices s, strikes k
     * and expiries t (all of one length), riskless rate r and volatility sigma &gt; 0. call and put
     * must be distinct arrays, distinct from the inputs.
     */
    public void blackScholes(double[] s, double[] k, double[] t, double r, double sigma, double[] call, double[] put) {
        double[][] arrays = {s, k, t, call, put};
        VecF64[] v = new VecF64[arrays.length];
        for (int a = 0; a < arrays.length; a++) {
            Check.notNull(BLACK_SCHOLES_NAMES[a], arrays[a]);
            Check.sameLength(BLACK_SCHOLES_NAMES[a], arrays[a].length, "s", arrays[0].length);
            v[a] = VecF64.heap(arrays[a], 0, 1);
        }
        blackScholesF64(v, s.length, r, sigma);
    }

    /** {@link #blackScholes(double[], double[], double[], double, double, double[], double[])} on off-heap arrays. */
    public void blackScholes(DoubleArray s, DoubleArray k, DoubleArray t, double r, double sigma, DoubleArray call, DoubleArray put) {
        DoubleArray[] arrays = {s, k, t, call, put};
        VecF64[] v = new VecF64[arrays.length];
        for (int a = 0; a < arrays.length; a++) {
            Check.open(BLACK_SCHOLES_NAMES[a], arrays[a]);
            Check.sameLength(BLACK_SCHOLES_NAMES[a], arrays[a].length(), "s", arrays[0].length());
            v[a] = VecF64.offHeap(arrays[a], 0, 1);
        }
        blackScholesF64(v, s.length(), r, sigma);
    }
    // @twin-end
    // @twin-generated F32 from the F64 region above by TwinGenerator: do not edit
    private void heat2dF32(VecF32 grid, VecF32 scratch, int nx, int ny, float alpha, Boundary boundary, int steps) {
        long n = (long) nx * ny;
        Check.notNull("boundary", boundary);
        finite("alpha", alpha);
        steps(steps);
        Operands.disjoint("grid", grid, "scratch", scratch, n, false);
        boolean periodic = boundary == Boundary.PERIODIC;
        run(Catalogue.HEAT2D, DType.F32, n, steps, 1, Operands.where(grid, scratch),
                (set, threads) -> set.heat2d(nx, ny, alpha, periodic, steps, grid, scratch, threads));
    }

    /**
     * {@code steps} 2-D heat-diffusion steps on an nx x ny grid (cell (i, j) at {@code i + nx j}),
     * alternating between grid and scratch (same length, distinct arrays).
     *
     * @return the array holding the result: grid when steps is even, scratch when odd
     */
    public float[] heat2d(float[] grid, float[] scratch, int nx, int ny, float alpha, Boundary boundary, int steps) {
        Check.notNull("grid", grid);
        Check.notNull("scratch", scratch);
        extent("nx", nx);
        extent("ny", ny);
        cells("grid", grid.length, nx, ny);
        cells("scratch", scratch.length, nx, ny);
        distinct("grid", grid, "scratch", scratch);
        heat2dF32(VecF32.heap(grid, 0, 1), VecF32.heap(scratch, 0, 1), nx, ny, alpha, boundary, steps);
        return (steps & 1) == 0 ? grid : scratch;
    }

    /** {@link #heat2d(float[], float[], int, int, float, Boundary, int)} on off-heap grids, which stay where they live. */
    public FloatArray heat2d(FloatArray grid, FloatArray scratch, int nx, int ny, float alpha, Boundary boundary, int steps) {
        Check.open("grid", grid);
        Check.open("scratch", scratch);
        extent("nx", nx);
        extent("ny", ny);
        cells("grid", grid.length(), nx, ny);
        cells("scratch", scratch.length(), nx, ny);
        heat2dF32(VecF32.offHeap(grid, 0, 1), VecF32.offHeap(scratch, 0, 1), nx, ny, alpha, boundary, steps);
        return (steps & 1) == 0 ? grid : scratch;
    }

    private void heat3dF32(VecF32 grid, VecF32 scratch, int nx, int ny, int nz, float alpha, Boundary boundary, int steps) {
        long n = (long) nx * ny * nz;
        Check.notNull("boundary", boundary);
        finite("alpha", alpha);
        steps(steps);
        Operands.disjoint("grid", grid, "scratch", scratch, n, false);
        boolean periodic = boundary == Boundary.PERIODIC;
        run(Catalogue.HEAT3D, DType.F32, n, steps, 1, Operands.where(grid, scratch),
                (set, threads) -> set.heat3d(nx, ny, nz, alpha, periodic, steps, grid, scratch, threads));
    }

    /**
     * {@code steps} 3-D heat-diffusion steps on an nx x ny x nz grid (cell (i, j, k) at
     * {@code i + nx (j + ny k)}), alternating between grid and scratch.
     *
     * @return the array holding the result: grid when steps is even, scratch when odd
     */
    public float[] heat3d(float[] grid, float[] scratch, int nx, int ny, int nz, float alpha, Boundary boundary, int steps) {
        Check.notNull("grid", grid);
        Check.notNull("scratch", scratch);
        extent("nx", nx);
        extent("ny", ny);
        extent("nz", nz);
        cells("grid", grid.length, nx, ny, nz);
        cells("scratch", scratch.length, nx, ny, nz);
        distinct("grid", grid, "scratch", scratch);
        heat3dF32(VecF32.heap(grid, 0, 1), VecF32.heap(scratch, 0, 1), nx, ny, nz, alpha, boundary, steps);
        return (steps & 1) == 0 ? grid : scratch;
    }

    /** {@link #heat3d(float[], float[], int, int, int, float, Boundary, int)} on off-heap grids. */
    public FloatArray heat3d(FloatArray grid, FloatArray scratch, int nx, int ny, int nz, float alpha, Boundary boundary,
            int steps) {
        Check.open("grid", grid);
        Check.open("scratch", scratch);
        extent("nx", nx);
        extent("ny", ny);
        extent("nz", nz);
        cells("grid", grid.length(), nx, ny, nz);
        cells("scratch", scratch.length(), nx, ny, nz);
        heat3dF32(VecF32.offHeap(grid, 0, 1), VecF32.offHeap(scratch, 0, 1), nx, ny, nz, alpha, boundary, steps);
        return (steps & 1) == 0 ? grid : scratch;
    }

    private void nbodyF32(VecF32[] v, long n, float softening, float dt) {
        for (int a = 1; a < v.length; a++) {
            for (int b = 0; b < a; b++) {
                Operands.disjoint(NBODY_NAMES[b], v[b], NBODY_NAMES[a], v[a], n, false);
            }
        }
        if (!(softening > 0) || !Float.isFinite(softening)) {
            throw new IllegalArgumentException("softening: must be finite and > 0, was " + softening);
        }
        finite("dt", dt);
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("x: more than 2^31-1 bodies are not supported, was " + n);
        }
        int bodies = (int) n;
        Placement where = Operands.where(v[0], v[1], v[2], v[3]).and(Operands.where(v[4], v[5], v[6]));
        run(Catalogue.NBODY, DType.F32, n, n, 1, where,
                (set, threads) -> set.nbody(bodies, softening, dt, v[0], v[1], v[2], v[3], v[4], v[5], v[6], threads));
    }

    /**
     * One all-pairs n-body step, in place (see the class comment). All seven arrays have one
     * element per body; the six updated ones must be distinct arrays, and distinct from mass.
     */
    public void nbody(float[] x, float[] y, float[] z, float[] vx, float[] vy, float[] vz, float[] mass, float softening,
            float dt) {
        float[][] arrays = {x, y, z, vx, vy, vz, mass};
        VecF32[] v = new VecF32[arrays.length];
        for (int a = 0; a < arrays.length; a++) {
            Check.notNull(NBODY_NAMES[a], arrays[a]);
            Check.sameLength(NBODY_NAMES[a], arrays[a].length, "x", arrays[0].length);
            v[a] = VecF32.heap(arrays[a], 0, 1);
        }
        nbodyF32(v, x.length, softening, dt);
    }

    /** {@link #nbody(float[], float[], float[], float[], float[], float[], float[], float, float)} on off-heap arrays. */
    public void nbody(FloatArray x, FloatArray y, FloatArray z, FloatArray vx, FloatArray vy, FloatArray vz, FloatArray mass,
            float softening, float dt) {
        FloatArray[] arrays = {x, y, z, vx, vy, vz, mass};
        VecF32[] v = new VecF32[arrays.length];
        for (int a = 0; a < arrays.length; a++) {
            Check.open(NBODY_NAMES[a], arrays[a]);
            Check.sameLength(NBODY_NAMES[a], arrays[a].length(), "x", arrays[0].length());
            v[a] = VecF32.offHeap(arrays[a], 0, 1);
        }
        nbodyF32(v, x.length(), softening, dt);
    }

    private void convolve1dF32(VecF32 x, long n, VecF32 filter, long k, Edge edge, VecF32 out) {
        Check.notNull("edge", edge);
        oddFilter("filter", k);
        Operands.disjoint("x", x, "out", out, n, false);
        boolean clamp = edge == Edge.CLAMP;
        run(Catalogue.CONVOLVE1D, DType.F32, n, k, 1, Operands.where(x, filter, out),
                (set, threads) -> set.convolve1d((int) n, x, (int) k, filter, clamp, out, threads));
    }

    /** out[i] = sum_q filter[q] x[i + q - k/2] (k = filter.length, odd); out has x's length and must not be x. */
    public void convolve1d(float[] x, float[] filter, Edge edge, float[] out) {
        Check.notNull("x", x);
        Check.notNull("filter", filter);
        Check.notNull("out", out);
        Check.sameLength("out", out.length, "x", x.length);
        convolve1dF32(VecF32.heap(x, 0, 1), x.length, VecF32.heap(filter, 0, 1), filter.length, edge, VecF32.heap(out, 0, 1));
    }

    /** {@link #convolve1d(float[], float[], Edge, float[])} on off-heap arrays. */
    public void convolve1d(FloatArray x, FloatArray filter, Edge edge, FloatArray out) {
        Check.open("x", x);
        Check.open("filter", filter);
        Check.open("out", out);
        Check.sameLength("out", out.length(), "x", x.length());
        if (x.length() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("x: more than 2^31-1 elements are not supported, was " + x.length());
        }
        convolve1dF32(VecF32.offHeap(x, 0, 1), x.length(), VecF32.offHeap(filter, 0, 1), filter.length(), edge,
                VecF32.offHeap(out, 0, 1));
    }

    private void convolve2dF32(VecF32 image, int w, int h, VecF32 filter, int kw, int kh, Edge edge, VecF32 out) {
        Check.notNull("edge", edge);
        oddFilter("kw", kw);
        oddFilter("kh", kh);
        long n = (long) w * h;
        Operands.disjoint("image", image, "out", out, n, false);
        boolean clamp = edge == Edge.CLAMP;
        run(Catalogue.CONVOLVE2D, DType.F32, n, (long) kw * kh, 1, Operands.where(image, filter, out),
                (set, threads) -> set.convolve2d(w, h, image, kw, kh, filter, clamp, out, threads));
    }

    /**
     * 2-D convolution of a row-major w x h image (pixel (x, y) at {@code x + w y}) with a row-major
     * kw x kh filter (both odd); out has the image's size and must not be the image.
     */
    public void convolve2d(float[] image, int w, int h, float[] filter, int kw, int kh, Edge edge, float[] out) {
        Check.notNull("image", image);
        Check.notNull("filter", filter);
        Check.notNull("out", out);
        extent("w", w);
        extent("h", h);
        cells("image", image.length, w, h);
        cells("out", out.length, w, h);
        oddFilter("kw", kw);
        oddFilter("kh", kh);
        cells("filter", filter.length, kw, kh);
        convolve2dF32(VecF32.heap(image, 0, 1), w, h, VecF32.heap(filter, 0, 1), kw, kh, edge, VecF32.heap(out, 0, 1));
    }

    /** {@link #convolve2d(float[], int, int, float[], int, int, Edge, float[])} on off-heap arrays. */
    public void convolve2d(FloatArray image, int w, int h, FloatArray filter, int kw, int kh, Edge edge, FloatArray out) {
        Check.open("image", image);
        Check.open("filter", filter);
        Check.open("out", out);
        extent("w", w);
        extent("h", h);
        cells("image", image.length(), w, h);
        cells("out", out.length(), w, h);
        oddFilter("kw", kw);
        oddFilter("kh", kh);
        cells("filter", filter.length(), kw, kh);
        convolve2dF32(VecF32.offHeap(image, 0, 1), w, h, VecF32.offHeap(filter, 0, 1), kw, kh, edge, VecF32.offHeap(out, 0, 1));
    }

    private void fillF32(boolean normal, long seed, long offset, long n, VecF32 out) {
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("out: more than 2^31-1 elements are not supported, was " + n);
        }
        stream(offset, n);
        int len = (int) n;
        if (normal) {
            run(Catalogue.NORMAL, DType.F32, n, Operands.where(out), (set, threads) -> set.normal(seed, offset, len, out, threads));
        } else {
            run(Catalogue.UNIFORM, DType.F32, n, Operands.where(out), (set, threads) -> set.uniform(seed, offset, len, out, threads));
        }
    }

    /** Elements [offset, offset + out.length) of the uniform [0, 1) stream of seed. */
    public void uniform(long seed, long offset, float[] out) {
        Check.notNull("out", out);
        fillF32(false, seed, offset, out.length, VecF32.heap(out, 0, 1));
    }

    /** Elements [offset, offset + out.length()) of the uniform [0, 1) stream of seed. */
    public void uniform(long seed, long offset, FloatArray out) {
        Check.open("out", out);
        fillF32(false, seed, offset, out.length(), VecF32.offHeap(out, 0, 1));
    }

    /** Elements [offset, offset + out.length) of the standard normal stream of seed. */
    public void normal(long seed, long offset, float[] out) {
        Check.notNull("out", out);
        fillF32(true, seed, offset, out.length, VecF32.heap(out, 0, 1));
    }

    /** Elements [offset, offset + out.length()) of the standard normal stream of seed. */
    public void normal(long seed, long offset, FloatArray out) {
        Check.open("out", out);
        fillF32(true, seed, offset, out.length(), VecF32.offHeap(out, 0, 1));
    }

    private void blackScholesF32(VecF32[] v, long n, float r, float sigma) {
        for (int a = 3; a < v.length; a++) {
            for (int b = 0; b < a; b++) {
                Operands.disjoint(BLACK_SCHOLES_NAMES[b], v[b], BLACK_SCHOLES_NAMES[a], v[a], n, false);
            }
        }
        finite("r", r);
        if (!(sigma > 0) || !Float.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma: must be finite and > 0, was " + sigma);
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("s: more than 2^31-1 options are not supported, was " + n);
        }
        int count = (int) n;
        Placement where = Operands.where(v[0], v[1], v[2]).and(Operands.where(v[3], v[4]));
        run(Catalogue.BLACK_SCHOLES, DType.F32, n, where,
                (set, threads) -> set.blackScholes(count, v[0], v[1], v[2], r, sigma, v[3], v[4], threads));
    }

    /**
     * Black-Scholes call and put prices (see the class comment) of options with prices s, strikes k
     * and expiries t (all of one length), riskless rate r and volatility sigma &gt; 0.f call and put
     * must be distinct arrays, distinct from the inputs.
     */
    public void blackScholes(float[] s, float[] k, float[] t, float r, float sigma, float[] call, float[] put) {
        float[][] arrays = {s, k, t, call, put};
        VecF32[] v = new VecF32[arrays.length];
        for (int a = 0; a < arrays.length; a++) {
            Check.notNull(BLACK_SCHOLES_NAMES[a], arrays[a]);
            Check.sameLength(BLACK_SCHOLES_NAMES[a], arrays[a].length, "s", arrays[0].length);
            v[a] = VecF32.heap(arrays[a], 0, 1);
        }
        blackScholesF32(v, s.length, r, sigma);
    }

    /** {@link #blackScholes(float[], float[], float[], float, float, float[], float[])} on off-heap arrays. */
    public void blackScholes(FloatArray s, FloatArray k, FloatArray t, float r, float sigma, FloatArray call, FloatArray put) {
        FloatArray[] arrays = {s, k, t, call, put};
        VecF32[] v = new VecF32[arrays.length];
        for (int a = 0; a < arrays.length; a++) {
            Check.open(BLACK_SCHOLES_NAMES[a], arrays[a]);
            Check.sameLength(BLACK_SCHOLES_NAMES[a], arrays[a].length(), "s", arrays[0].length());
            v[a] = VecF32.offHeap(arrays[a], 0, 1);
        }
        blackScholesF32(v, s.length(), r, sigma);
    }
    // @twin-end
}
