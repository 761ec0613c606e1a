package dev.pel.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pel.kernels.cpu.Philox;
import dev.pel.kernels.testing.BackendArgs;
import dev.pel.kernels.testing.BackendArgs.Target;
import dev.pel.kernels.testing.Tolerances;
import dev.pel.runtime.CallRecord;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelConfig;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.cpu.SimdBackend;
import dev.pel.runtime.memory.DoubleArray;
import dev.pel.runtime.memory.FloatArray;
import dev.pel.runtime.spi.Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Philox4x32-10 and the random streams: the Random123 known-answer vectors, the same words and
 * uniforms bit for bit on every backend, vector width and thread count (offsets crossing the
 * counter's 32-bit word included), normals within {@link Tolerances#normal} of the float64 formula,
 * and Monte Carlo estimates of known integrals within six standard errors.
 */
@Tag("simd-width")
class RandomStreamTest {
    private static final long SEED = 0x5EEDC0FFEE123457L;
    private static final long[] OFFSETS = {0, 1, 3, (1L << 34) - 5, 123_456_789_013L};
    private static final int[] SIZES = {0, 1, 3, 4, 5, 7, 17, 33, 1000, 10_007};

    /** Random123's kat_vectors for philox4x32_10: counter, key, expected output. */
    @Test
    void knownAnswerVectors() {
        int[][][] kat = {
            {{0, 0, 0, 0}, {0, 0}, {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}},
            {{-1, -1, -1, -1}, {-1, -1}, {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}},
            {{0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}, {0xa4093822, 0x299f31d0},
                {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}}};
        for (int[][] v : kat) {
            int[] out = new int[4];
            Philox.block(v[0][0], v[0][1], v[0][2], v[0][3], v[1][0], v[1][1], out);
            assertArrayEquals(v[2], out, "Philox4x32-10 known answer");
        }
        // The stream's block b under seed s is the counter (b lo, b hi, 0, 0) under key (s lo, s hi).
        int[] out = new int[4];
        Philox.block(0L, 0L, out);
        assertArrayEquals(kat[0][2], out);
    }

    static Stream<Arguments> targets() {
        List<Arguments> out = new ArrayList<>();
        for (Named<Target> t : BackendArgs.targets()) {
            out.add(Arguments.of(t));
        }
        return out.stream();
    }

    static Stream<Arguments> targetsAndTypes() {
        List<Arguments> out = new ArrayList<>();
        for (Named<Target> t : BackendArgs.targets()) {
            for (DType d : DType.values()) {
                out.add(Arguments.of(t, d));
            }
        }
        return out.stream();
    }

    /** Every backend gives the reference's words, uniforms and pi hits, bit for bit. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void wordsAndPiMatchTheReference(Target target) {
        Simulation sim = Simulation.on(target.runtime(DType.F32));
        for (long offset : OFFSETS) {
            for (int n : SIZES) {
                int[] got = new int[n];
                CallRecord before = PelRuntime.lastCall();
                sim.bits(SEED, offset, got);
                SimulationContractTest.ran(target, "philox-bits", before);
                for (int i = 0; i < n; i++) {
                    if (got[i] != Philox.word(SEED, offset + i)) {
                        fail("word " + (offset + i) + " of seed " + SEED + ": " + Integer.toHexString(got[i]) + " != "
                                + Integer.toHexString(Philox.word(SEED, offset + i)));
                    }
                }
            }
        }
        for (long samples : new long[] {0, 1, 2, 3, 17, 1001, 100_003}) {
            assertEquals(Philox.piHits(SEED, 0, samples), sim.piHits(SEED, samples), "pi hits of " + samples + " samples");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("targetsAndTypes")
    void uniformMatchesTheReferenceBitwise(Target target, DType t) {
        Simulation sim = Simulation.on(target.runtime(t));
        for (long offset : OFFSETS) {
            for (int n : SIZES) {
                CallRecord before = PelRuntime.lastCall();
                if (t == DType.F64) {
                    double[] u = new double[n];
                    sim.uniform(SEED, offset, u);
                    for (int i = 0; i < n; i++) {
                        assertEquals(Double.doubleToRawLongBits(Philox.uniformF64(SEED, offset + i)), Double.doubleToRawLongBits(u[i]),
                                "uniform f64 element " + (offset + i));
                    }
                } else {
                    float[] u = new float[n];
                    sim.uniform(SEED, offset, u);
                    for (int i = 0; i < n; i++) {
                        assertEquals(Float.floatToRawIntBits(Philox.uniformF32(SEED, offset + i)), Float.floatToRawIntBits(u[i]),
                                "uniform f32 element " + (offset + i));
                    }
                }
                SimulationContractTest.ran(target, "uniform", before);
            }
        }
    }

    /** Normals against Box-Muller in float64 on the same uniforms; bitwise on the CPU backends. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("targetsAndTypes")
    void normalMatchesTheReference(Target target, DType t) {
        Simulation sim = Simulation.on(target.runtime(t));
        boolean cpu = !target.name().startsWith("opencl");
        for (long offset : OFFSETS) {
            for (int n : SIZES) {
                double[] got;
                if (t == DType.F64) {
                    got = new double[n];
                    sim.normal(SEED, offset, got);
                } else {
                    float[] f = new float[n];
                    sim.normal(SEED, offset, f);
                    got = SimulationContractTest.f64(f);
                }
                for (int i = 0; i < n; i++) {
                    long e = offset + i;
                    double u1;
                    double u2;
                    double own;
                    if (t == DType.F64) {
                        u1 = Philox.uniformF64(SEED, 2 * (e >>> 1)) + 0x1p-53;
                        u2 = Philox.uniformF64(SEED, 2 * (e >>> 1) + 1);
                        own = Philox.normalF64(SEED, e);
                    } else {
                        u1 = Philox.uniformF32(SEED, 2 * (e >>> 1)) + 0x1p-24f;
                        u2 = Philox.uniformF32(SEED, 2 * (e >>> 1) + 1);
                        own = Philox.normalF32(SEED, e);
                    }
                    double radius = Math.sqrt(-2 * Math.log(u1));
                    double z = radius * ((e & 1) == 0 ? Math.cos(2 * Math.PI * u2) : Math.sin(2 * Math.PI * u2));
                    double bound = Tolerances.normal(t, radius);
                    if (!(Math.abs(got[i] - z) <= bound)) {
                        fail(target.name() + " normal " + t.label() + " element " + e + ": " + got[i] + " vs " + z + " (bound " + bound + ")");
                    }
                    if (cpu) {
                        assertEquals(own, got[i], "CPU backends compute the reference's normal bits, element " + e);
                    }
                }
            }
        }
    }

    /** Off-heap fills give the heap fills' bits. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("targetsAndTypes")
    void offHeapFillsMatchHeap(Target target, DType t) {
        Simulation sim = Simulation.on(target.runtime(t));
        int n = 3001;
        if (t == DType.F64) {
            double[] u = new double[n];
            double[] z = new double[n];
            sim.uniform(SEED, 7, u);
            sim.normal(SEED, 7, z);
            try (DoubleArray a = DoubleArray.allocate(n)) {
                sim.uniform(SEED, 7, a);
                assertArrayEquals(u, a.toArray());
                sim.normal(SEED, 7, a);
                assertArrayEquals(z, a.toArray());
            }
        } else {
            float[] u = new float[n];
            float[] z = new float[n];
            sim.uniform(SEED, 7, u);
            sim.normal(SEED, 7, z);
            try (FloatArray a = FloatArray.allocate(n)) {
                sim.uniform(SEED, 7, a);
                assertArrayEquals(u, a.toArray());
                sim.normal(SEED, 7, a);
                assertArrayEquals(z, a.toArray());
            }
        }
    }

    /** cpu-simd on 1, 2 and 3 threads: the same words, uniforms, normals and pi hits. */
    @Test
    void sameStreamForEveryThreadCount() {
        Probe simd = PelRuntime.defaultRuntime().probes().stream().filter(p -> p.name().equals(SimdBackend.NAME)).findFirst()
                .orElse(null);
        Assumptions.assumeTrue(simd != null && simd.isAvailable(), SimdBackend.NAME + " is not available");
        int n = 200_003;
        long samples = 3_000_001;
        int[] bits0 = null;
        float[] u0 = null;
        double[] z0 = null;
        long hits0 = -1;
        for (int threads : new int[] {1, 2, 3}) {
            try (PelRuntime rt = PelRuntime.create(PelConfig.builder().threads(threads).backend(SimdBackend.NAME).build())) {
                Simulation sim = Simulation.on(rt);
                int[] bits = new int[n];
                float[] u = new float[n];
                double[] z = new double[n];
                sim.bits(SEED, 11, bits);
                assertEquals(threads, PelRuntime.lastCall().threads(), "the call used the runtime's threads");
                sim.uniform(SEED, 11, u);
                sim.normal(SEED, 11, z);
                long hits = sim.piHits(SEED, samples);
                if (bits0 == null) {
                    bits0 = bits;
                    u0 = u;
                    z0 = z;
                    hits0 = hits;
                } else {
                    assertArrayEquals(bits0, bits, threads + " threads: words differ");
                    assertArrayEquals(u0, u, threads + " threads: uniforms differ");
                    assertArrayEquals(z0, z, threads + " threads: normals differ");
                    assertEquals(hits0, hits, threads + " threads: pi hits differ");
                }
            }
        }
    }

    /**
     * Monte Carlo against known integrals, within six standard errors (fixed seed, so the outcome is
     * fixed too; six sigma makes a correct generator fail with probability ~2e-9): pi; the integrals of
     * u and u^2 over [0, 1); E z = 0, E z^2 = 1, E z^4 = 3 for the normals.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void monteCarloMatchesKnownIntegrals(Target target) {
        Simulation sim = Simulation.on(target.runtime(DType.F32));
        long samples = 1L << 22;
        double p = Math.PI / 4;
        double sePi = 4 * Math.sqrt(p * (1 - p) / samples);
        double pi = sim.estimatePi(SEED, samples);
        assertTrue(Math.abs(pi - Math.PI) < 6 * sePi, "pi estimate " + pi + " off by more than 6 standard errors (" + sePi + ")");
        int n = 1 << 20;
        float[] u = new float[n];
        float[] z = new float[n];
        sim.uniform(SEED + 1, 0, u);
        sim.normal(SEED + 2, 0, z);
        double m1 = 0;
        double m2 = 0;
        double z1 = 0;
        double z2 = 0;
        double z4 = 0;
        for (int i = 0; i < n; i++) {
            m1 += u[i];
            m2 += (double) u[i] * u[i];
            double v = z[i];
            z1 += v;
            z2 += v * v;
            z4 += v * v * v * v;
        }
        within("E u", m1 / n, 0.5, Math.sqrt(1.0 / 12 / n));
        within("E u^2", m2 / n, 1.0 / 3, Math.sqrt((1.0 / 5 - 1.0 / 9) / n));
        within("E z", z1 / n, 0, Math.sqrt(1.0 / n));
        within("E z^2", z2 / n, 1, Math.sqrt(2.0 / n));
        within("E z^4", z4 / n, 3, Math.sqrt(96.0 / n));
    }

    private static void within(String what, double got, double exact, double se) {
        assertTrue(Math.abs(got - exact) < 6 * se, what + " = " + got + ", exact " + exact + ", standard error " + se);
    }
}
