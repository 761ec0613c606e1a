package dev.pel.kernels.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pel.kernels.Blas;
import dev.pel.kernels.Reductions;
import dev.pel.runtime.PelConfig;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.opencl.OpenClBackend;
import dev.pel.runtime.opencl.OpenClTestDevice;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reductions follow one summation order on cpu-simd (any thread count) and on OpenCL, so the
 * same input gives the same bits on all of them. Sizes straddle the 64 accumulators and the
 * 4096-element blocks; data has a large spread so that any change of order would show. Tagged to
 * run again at 128- and 256-bit vectors: the order must not depend on the vector width either.
 */
@Tag("simd-width")
class ReproducibleTest {
    private static final long SEED = 0x5eed_2026L;
    private static PelRuntime oneThread;
    private static PelRuntime twoThreads;
    private static PelRuntime device;

    @BeforeAll
    static void runtimes() {
        OpenClBackend cl = OpenClTestDevice.get();
        device = PelRuntime.defaultRuntime().withBackend(cl.name());
        oneThread = PelRuntime.create(PelConfig.builder().backend("cpu-simd").threads(1).build());
        twoThreads = PelRuntime.create(PelConfig.builder().backend("cpu-simd").threads(2).parallelMinBytes(0).build());
    }

    @AfterAll
    static void close() {
        if (oneThread != null) {
            oneThread.close();
        }
        if (twoThreads != null) {
            twoThreads.close();
        }
    }

    static Stream<Arguments> sizes() {
        return IntStream.of(1, 2, 63, 64, 65, 127, 4095, 4096, 4097, 8193, 65_537, 1_000_003).mapToObj(Arguments::of);
    }

    private static float[] floats(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (r.nextDouble(-1, 1) * Math.pow(10, r.nextInt(-3, 4)));
        }
        return a;
    }

    private static double[] doubles(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextDouble(-1, 1) * Math.pow(10, r.nextInt(-3, 4));
        }
        return a;
    }

    private static void sameBits(String what, int n, ToDoubleFunction<PelRuntime> call) {
        long simd1 = Double.doubleToRawLongBits(call.applyAsDouble(oneThread));
        long simd2 = Double.doubleToRawLongBits(call.applyAsDouble(twoThreads));
        long cl = Double.doubleToRawLongBits(call.applyAsDouble(device));
        String msg = what + " n=" + n + " seed=" + SEED + ": cpu-simd x1 " + Double.longBitsToDouble(simd1) + ", x2 "
                + Double.longBitsToDouble(simd2) + ", opencl " + Double.longBitsToDouble(cl);
        assertEquals(simd1, simd2, msg);
        assertEquals(simd1, cl, msg);
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void floatReductionsGiveTheSameBitsEverywhere(int n) {
        float[] x = floats(n, SEED + n);
        float[] y = floats(n, SEED - n);
        sameBits("f32 sum", n, rt -> Reductions.on(rt).sum(x));
        sameBits("f32 mean", n, rt -> Reductions.on(rt).mean(x));
        sameBits("f32 variance", n, rt -> Reductions.on(rt).variance(x));
        sameBits("f32 dot", n, rt -> Blas.on(rt).dot(x, y));
        sameBits("f32 asum", n, rt -> Blas.on(rt).asum(x));
        sameBits("f32 nrm2", n, rt -> Blas.on(rt).nrm2(x));
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void doubleReductionsGiveTheSameBitsEverywhere(int n) {
        OpenClBackend cl = OpenClTestDevice.get();
        org.junit.jupiter.api.Assumptions.assumeTrue(cl.info().fp64(), cl.name() + " has no cl_khr_fp64");
        double[] x = doubles(n, SEED + n);
        double[] y = doubles(n, SEED - n);
        sameBits("f64 sum", n, rt -> Reductions.on(rt).sum(x));
        sameBits("f64 variance", n, rt -> Reductions.on(rt).variance(x));
        sameBits("f64 dot", n, rt -> Blas.on(rt).dot(x, y));
        sameBits("f64 nrm2", n, rt -> Blas.on(rt).nrm2(x));
    }
}
