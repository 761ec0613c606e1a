package dev.pel.kernels.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A vector's lanes stored and summed with {@link Lanes#fold(double[], int)}, as the kernels sum them, add in one order,
 * the fold by halves, at every vector width and before and after the JIT compiles it (the loop runs it interpreted
 * first, compiled later).
 */
class LanesTest {
    private static final int CALLS = 30_000;

    static Stream<VectorShape> shapes() {
        return Stream.of(VectorShape.S_64_BIT, VectorShape.S_128_BIT, VectorShape.S_256_BIT, VectorShape.S_512_BIT);
    }

    /** Values of mixed sign and magnitude, so that another order of addition gives other bits. */
    private static double value(SplittableRandom r) {
        return (r.nextBoolean() ? 1 : -1) * r.nextDouble(1, 2) * Math.scalb(1.0, r.nextInt(-30, 30));
    }

    private static double foldByHalves(double[] a) {
        double[] v = a.clone();
        for (int half = v.length / 2; half > 0; half >>= 1) {
            for (int j = 0; j < half; j++) {
                v[j] += v[j + half];
            }
        }
        return v[0];
    }

    private static float foldByHalves(float[] a) {
        float[] v = a.clone();
        for (int half = v.length / 2; half > 0; half >>= 1) {
            for (int j = 0; j < half; j++) {
                v[j] += v[j + half];
            }
        }
        return v[0];
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void doublesFoldByHalvesInterpretedAndCompiled(VectorShape shape) {
        var species = DoubleVector.SPECIES_64.withShape(shape);
        SplittableRandom r = new SplittableRandom(7 + shape.vectorBitSize());
        double[][] inputs = new double[64][species.length()];
        for (double[] in : inputs) {
            for (int j = 0; j < in.length; j++) {
                in[j] = value(r);
            }
        }
        double[] scratch = Lanes.f64();
        for (int call = 0; call < CALLS; call++) {
            double[] in = inputs[call % inputs.length];
            double got = sum(DoubleVector.fromArray(species, in, 0), scratch);
            if (Double.doubleToRawLongBits(got) != Double.doubleToRawLongBits(foldByHalves(in))) {
                assertEquals(foldByHalves(in), got, 0, "call " + call + " at " + shape);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void floatsFoldByHalvesInterpretedAndCompiled(VectorShape shape) {
        var species = FloatVector.SPECIES_64.withShape(shape);
        SplittableRandom r = new SplittableRandom(11 + shape.vectorBitSize());
        float[][] inputs = new float[64][species.length()];
        for (float[] in : inputs) {
            for (int j = 0; j < in.length; j++) {
                in[j] = (float) value(r);
            }
        }
        float[] scratch = Lanes.f32();
        for (int call = 0; call < CALLS; call++) {
            float[] in = inputs[call % inputs.length];
            float got = sum(FloatVector.fromArray(species, in, 0), scratch);
            if (Float.floatToRawIntBits(got) != Float.floatToRawIntBits(foldByHalves(in))) {
                assertEquals(foldByHalves(in), got, 0, "call " + call + " at " + shape);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void theScratchHoldsTheWidestVectorAndIsPerThread(VectorShape shape) throws InterruptedException {
        var species = FloatVector.SPECIES_64.withShape(shape);
        float[] mine = Lanes.f32();
        assertTrue(mine.length >= FloatVector.SPECIES_MAX.length() && Lanes.f64().length >= DoubleVector.SPECIES_MAX.length());
        assertSame(mine, Lanes.f32(), "one array per thread, fetched again");
        float[][] other = new float[1][];
        Thread t = new Thread(() -> other[0] = Lanes.f32());
        t.start();
        t.join();
        assertNotSame(mine, other[0], "another thread folds in its own array");
        float[] in = new float[species.length()];
        java.util.Arrays.fill(in, 0.5f);
        assertEquals(0.5f * in.length, sum(FloatVector.fromArray(species, in, 0), mine));
    }

    /** A vector's lanes summed as the kernels sum them: stored to the scratch, folded there. */
    private static double sum(DoubleVector v, double[] scratch) {
        v.intoArray(scratch, 0);
        return Lanes.fold(scratch, v.length());
    }

    private static float sum(FloatVector v, float[] scratch) {
        v.intoArray(scratch, 0);
        return Lanes.fold(scratch, v.length());
    }
}
