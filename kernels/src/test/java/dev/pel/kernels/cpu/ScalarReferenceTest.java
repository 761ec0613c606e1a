package dev.pel.kernels.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pel.kernels.spi.BinaryOp;
import dev.pel.kernels.spi.KernelSet;
import dev.pel.kernels.spi.UnaryOp;
import dev.pel.kernels.spi.VecF32;
import dev.pel.kernels.spi.VecF64;
import dev.pel.runtime.memory.DoubleArray;
import dev.pel.runtime.memory.FloatArray;
import org.junit.jupiter.api.Test;

/**
 * Known answers for the reference backend, worked out by hand, called directly (no facade, no
 * dispatch): the semantics every other backend is tested against must themselves be right. The
 * F32 tests are generated from the F64 region by TwinGenerator.
 */
class ScalarReferenceTest {
    private static final KernelSet K = ScalarKernelSet.INSTANCE;

    // @twin-begin F64
    private static VecF64 vF64(double... values) {
        return VecF64.heap(values, 0, 1);
    }

    @Test
    void blasUpdatesF64() {
        double[] y = {1, 2, 3};
        K.axpy(3, 2, vF64(1, -1, 0.5), vF64(y), 1);
        assertArrayEquals(new double[] {3, 0, 4}, y);

        double[] x = {1, -2, 0.25};
        K.scal(3, -4, vF64(x), 1);
        assertArrayEquals(new double[] {-4, 8, -1}, x);

        double[] dst = {9, 9, 9};
        K.copy(3, vF64(7, -0.0, 5), vF64(dst), 1);
        assertArrayEquals(new double[] {7, -0.0, 5}, dst);

        double[] a = {1, 2};
        double[] b = {3, 4};
        K.swap(2, vF64(a), vF64(b), 1);
        assertArrayEquals(new double[] {3, 4}, a);
        assertArrayEquals(new double[] {1, 2}, b);
    }

    @Test
    void stridedAndReversedOperandsF64() {
        // logical x = {arr[4], arr[2], arr[0]} = {5, 3, 1}; y = {b[1], b[3], b[5]}
        double[] arr = {1, 2, 3, 4, 5};
        double[] b = {0, 10, 0, 20, 0, 30};
        VecF64 x = VecF64.heap(arr, 4, -2);
        VecF64 y = VecF64.heap(b, 1, 2);
        assertEquals(5 * 10 + 3 * 20 + 1 * 30, K.dot(3, x, y, 1));
        assertEquals(0, K.iamax(3, x, 1));
        K.axpy(3, 1, x, y, 1);
        assertArrayEquals(new double[] {0, 15, 0, 23, 0, 31}, b);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, arr);
    }

    @Test
    void offHeapOperandsF64() {
        try (DoubleArray a = DoubleArray.of(3, 4, 12); DoubleArray out = DoubleArray.allocate(3)) {
            VecF64 x = VecF64.offHeap(a, 0, 1);
            assertEquals(13, K.nrm2(3, x, 1), 1e-12);
            K.unary(UnaryOp.NEG, 3, x, VecF64.offHeap(out, 0, 1), 1);
            assertArrayEquals(new double[] {-3, -4, -12}, out.toArray());
        }
    }

    @Test
    void reductionsF64() {
        assertEquals(32, K.dot(3, vF64(1, 2, 3), vF64(4, 5, 6), 1));
        assertEquals(0, K.dot(0, vF64(), vF64(), 1));
        assertEquals(5, K.nrm2(2, vF64(3, -4), 1));
        assertEquals(0, K.nrm2(0, vF64(), 1));
        assertEquals(6.5, K.asum(3, vF64(-1, 2, -3.5), 1));
        assertEquals(3.5, K.sum(3, vF64(1.5, -2, 4), 1));
        assertEquals(0, K.sum(0, vF64(), 1));
        assertEquals(2.5, K.mean(4, vF64(1, 2, 3, 4), 1));
        assertEquals(Double.NaN, K.mean(0, vF64(), 1));
        assertEquals(1.25, K.variance(4, vF64(1, 2, 3, 4), 0, 1));
        assertEquals(5.0 / 3, K.variance(4, vF64(1, 2, 3, 4), 1, 1), 1e-6);
        assertEquals(Double.NaN, K.variance(1, vF64(7), 1, 1));
        assertEquals(0, K.variance(1, vF64(7), 0, 1));
        assertEquals(-1, K.min(3, vF64(3, -1, 2), 1));
        assertEquals(3, K.max(3, vF64(3, -1, 2), 1));
        assertEquals(-0.0, K.min(2, vF64(0.0, -0.0), 1));
        assertEquals(0.0, K.max(2, vF64(-0.0, 0.0), 1));
    }

    @Test
    void nrm2IsScaledF64() {
        double big = 3e300; //F32: float big = 3e30f;
        double tiny = 3e-300; //F32: float tiny = 3e-30f;
        assertEquals(big / 3 * 5, K.nrm2(2, vF64(big, big / 3 * 4), 1), big * 1e-6);
        assertEquals(tiny / 3 * 5, K.nrm2(2, vF64(-tiny, tiny / 3 * 4), 1), tiny * 1e-6);
        assertEquals(Double.POSITIVE_INFINITY, K.nrm2(3, vF64(1, Double.NEGATIVE_INFINITY, 2), 1));
        assertEquals(Double.NaN, K.nrm2(3, vF64(Double.POSITIVE_INFINITY, Double.NaN, 2), 1));
    }

    @Test
    void iamaxF64() {
        assertEquals(1, K.iamax(4, vF64(1, -3, 3, 2), 1));
        assertEquals(-1, K.iamax(0, vF64(), 1));
        assertEquals(0, K.iamax(3, vF64(0, -0.0, 0), 1));
        assertEquals(2, K.iamax(4, vF64(1, Double.POSITIVE_INFINITY, Double.NaN, Double.NaN), 1));
        assertEquals(1, K.iamax(3, vF64(-2, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY), 1));
    }

    @Test
    void nanPropagatesF64() {
        VecF64 x = vF64(1, Double.NaN, 3);
        assertEquals(Double.NaN, K.sum(3, x, 1));
        assertEquals(Double.NaN, K.mean(3, x, 1));
        assertEquals(Double.NaN, K.variance(3, x, 0, 1));
        assertEquals(Double.NaN, K.min(3, x, 1));
        assertEquals(Double.NaN, K.max(3, x, 1));
        assertEquals(Double.NaN, K.dot(3, x, vF64(1, 1, 1), 1));
        assertEquals(Double.NaN, K.asum(3, x, 1));
    }

    @Test
    void elementWiseF64() {
        double[] out = new double[2];
        VecF64 x = vF64(6, 8);
        VecF64 y = vF64(2, -4);
        K.binary(BinaryOp.ADD, 2, x, y, vF64(out), 1);
        assertArrayEquals(new double[] {8, 4}, out);
        K.binary(BinaryOp.SUB, 2, x, y, vF64(out), 1);
        assertArrayEquals(new double[] {4, 12}, out);
        K.binary(BinaryOp.MUL, 2, x, y, vF64(out), 1);
        assertArrayEquals(new double[] {12, -32}, out);
        K.binary(BinaryOp.DIV, 2, x, y, vF64(out), 1);
        assertArrayEquals(new double[] {3, -2}, out);
        K.binaryScalar(BinaryOp.SUB, 2, x, 1, false, vF64(out), 1);
        assertArrayEquals(new double[] {5, 7}, out);
        K.binaryScalar(BinaryOp.SUB, 2, x, 1, true, vF64(out), 1);
        assertArrayEquals(new double[] {-5, -7}, out);
        K.binaryScalar(BinaryOp.DIV, 2, x, 24, true, vF64(out), 1);
        assertArrayEquals(new double[] {4, 3}, out);
        K.binaryScalar(BinaryOp.DIV, 2, vF64(1, -1), 0, false, vF64(out), 1);
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}, out);
        K.fma(2, x, y, vF64(1, 1), vF64(out), 1);
        assertArrayEquals(new double[] {13, -31}, out);
        K.fmaScalar(2, x, 0.5, -1, vF64(out), 1);
        assertArrayEquals(new double[] {2, 3}, out);
    }

    @Test
    void fmaRoundsOnceF64() {
        double e = 0x1p-52; //F32: float e = 0x1p-23f;
        double[] out = new double[1];
        // (1+e)(1-e) - 1 = -e^2 exactly; rounding the product first would give 0
        K.fma(1, vF64(1 + e), vF64(1 - e), vF64(-1), vF64(out), 1);
        assertEquals(-e * e, out[0]);
        K.fmaScalar(1, vF64(1 + e), 1 - e, -1, vF64(out), 1);
        assertEquals(-e * e, out[0]);
    }

    @Test
    void unaryF64() {
        double[] out = new double[3];
        K.unary(UnaryOp.ABS, 3, vF64(-2, -0.0, 3), vF64(out), 1);
        assertArrayEquals(new double[] {2, 0.0, 3}, out);
        K.unary(UnaryOp.NEG, 3, vF64(-2, 0.0, 3), vF64(out), 1);
        assertArrayEquals(new double[] {2, -0.0, -3}, out);
        K.unary(UnaryOp.SQRT, 3, vF64(9, -1, Double.POSITIVE_INFINITY), vF64(out), 1);
        assertArrayEquals(new double[] {3, Double.NaN, Double.POSITIVE_INFINITY}, out);
        K.unary(UnaryOp.EXP, 3, vF64(0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY), vF64(out), 1);
        assertArrayEquals(new double[] {1, 0, Double.POSITIVE_INFINITY}, out);
        K.unary(UnaryOp.LOG, 3, vF64(1, 0, -1), vF64(out), 1);
        assertArrayEquals(new double[] {0, Double.NEGATIVE_INFINITY, Double.NaN}, out);
        K.unary(UnaryOp.TANH, 3, vF64(0, Double.POSITIVE_INFINITY, -40), vF64(out), 1);
        assertArrayEquals(new double[] {0, 1, -1}, out);
        K.unary(UnaryOp.SIGMOID, 3, vF64(0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY), vF64(out), 1);
        assertArrayEquals(new double[] {0.5, 1, 0}, out);
    }

    @Test
    void clampF64() {
        double[] out = new double[5];
        K.clamp(5, vF64(-5, 0.5, 5, Double.NaN, -0.0), -1, 1, vF64(out), 1);
        assertArrayEquals(new double[] {-1, 0.5, 1, Double.NaN, -0.0}, out);
        K.clamp(2, vF64(-0.0, 0.0), 0.0, 0.0, vF64(out), 1);
        assertEquals(0.0, out[0]);
        assertEquals(0.0, out[1]);
    }

    @Test
    void inPlaceF64() {
        double[] x = {1, 4, 9};
        K.unary(UnaryOp.SQRT, 3, vF64(x), vF64(x), 1);
        assertArrayEquals(new double[] {1, 2, 3}, x);
        K.binary(BinaryOp.MUL, 3, vF64(x), vF64(x), vF64(x), 1);
        assertArrayEquals(new double[] {1, 4, 9}, x);
    }
    // @twin-end
    // @twin-generated F32 from the F64 region above by TwinGenerator: do not edit
    private static VecF32 vF32(float... values) {
        return VecF32.heap(values, 0, 1);
    }

    @Test
    void blasUpdatesF32() {
        float[] y = {1, 2, 3};
        K.axpy(3, 2, vF32(1, -1, 0.5f), vF32(y), 1);
        assertArrayEquals(new float[] {3, 0, 4}, y);

        float[] x = {1, -2, 0.25f};
        K.scal(3, -4, vF32(x), 1);
        assertArrayEquals(new float[] {-4, 8, -1}, x);

        float[] dst = {9, 9, 9};
        K.copy(3, vF32(7, -0.0f, 5), vF32(dst), 1);
        assertArrayEquals(new float[] {7, -0.0f, 5}, dst);

        float[] a = {1, 2};
        float[] b = {3, 4};
        K.swap(2, vF32(a), vF32(b), 1);
        assertArrayEquals(new float[] {3, 4}, a);
        assertArrayEquals(new float[] {1, 2}, b);
    }

    @Test
    void stridedAndReversedOperandsF32() {
        // logical x = {arr[4], arr[2], arr[0]} = {5, 3, 1}; y = {b[1], b[3], b[5]}
        float[] arr = {1, 2, 3, 4, 5};
        float[] b = {0, 10, 0, 20, 0, 30};
        VecF32 x = VecF32.heap(arr, 4, -2);
        VecF32 y = VecF32.heap(b, 1, 2);
        assertEquals(5 * 10 + 3 * 20 + 1 * 30, K.dot(3, x, y, 1));
        assertEquals(0, K.iamax(3, x, 1));
        K.axpy(3, 1, x, y, 1);
        assertArrayEquals(new float[] {0, 15, 0, 23, 0, 31}, b);
        assertArrayEquals(new float[] {1, 2, 3, 4, 5}, arr);
    }

    @Test
    void offHeapOperandsF32() {
        try (FloatArray a = FloatArray.of(3, 4, 12); FloatArray out = FloatArray.allocate(3)) {
            VecF32 x = VecF32.offHeap(a, 0, 1);
            assertEquals(13, K.nrm2(3, x, 1), 1e-12f);
            K.unary(UnaryOp.NEG, 3, x, VecF32.offHeap(out, 0, 1), 1);
            assertArrayEquals(new float[] {-3, -4, -12}, out.toArray());
        }
    }

    @Test
    void reductionsF32() {
        assertEquals(32, K.dot(3, vF32(1, 2, 3), vF32(4, 5, 6), 1));
        assertEquals(0, K.dot(0, vF32(), vF32(), 1));
        assertEquals(5, K.nrm2(2, vF32(3, -4), 1));
        assertEquals(0, K.nrm2(0, vF32(), 1));
        assertEquals(6.5f, K.asum(3, vF32(-1, 2, -3.5f), 1));
        assertEquals(3.5f, K.sum(3, vF32(1.5f, -2, 4), 1));
        assertEquals(0, K.sum(0, vF32(), 1));
        assertEquals(2.5f, K.mean(4, vF32(1, 2, 3, 4), 1));
        assertEquals(Float.NaN, K.mean(0, vF32(), 1));
        assertEquals(1.25f, K.variance(4, vF32(1, 2, 3, 4), 0, 1));
        assertEquals(5.0f / 3, K.variance(4, vF32(1, 2, 3, 4), 1, 1), 1e-6f);
        assertEquals(Float.NaN, K.variance(1, vF32(7), 1, 1));
        assertEquals(0, K.variance(1, vF32(7), 0, 1));
        assertEquals(-1, K.min(3, vF32(3, -1, 2), 1));
        assertEquals(3, K.max(3, vF32(3, -1, 2), 1));
        assertEquals(-0.0f, K.min(2, vF32(0.0f, -0.0f), 1));
        assertEquals(0.0f, K.max(2, vF32(-0.0f, 0.0f), 1));
    }

    @Test
    void nrm2IsScaledF32() {
        float big = 3e30f;
        float tiny = 3e-30f;
        assertEquals(big / 3 * 5, K.nrm2(2, vF32(big, big / 3 * 4), 1), big * 1e-6f);
        assertEquals(tiny / 3 * 5, K.nrm2(2, vF32(-tiny, tiny / 3 * 4), 1), tiny * 1e-6f);
        assertEquals(Float.POSITIVE_INFINITY, K.nrm2(3, vF32(1, Float.NEGATIVE_INFINITY, 2), 1));
        assertEquals(Float.NaN, K.nrm2(3, vF32(Float.POSITIVE_INFINITY, Float.NaN, 2), 1));
    }

    @Test
    void iamaxF32() {
        assertEquals(1, K.iamax(4, vF32(1, -3, 3, 2), 1));
        assertEquals(-1, K.iamax(0, vF32(), 1));
        assertEquals(0, K.iamax(3, vF32(0, -0.0f, 0), 1));
        assertEquals(2, K.iamax(4, vF32(1, Float.POSITIVE_INFINITY, Float.NaN, Float.NaN), 1));
        assertEquals(1, K.iamax(3, vF32(-2, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY), 1));
    }

    @Test
    void nanPropagatesF32() {
        VecF32 x = vF32(1, Float.NaN, 3);
        assertEquals(Float.NaN, K.sum(3, x, 1));
        assertEquals(Float.NaN, K.mean(3, x, 1));
        assertEquals(Float.NaN, K.variance(3, x, 0, 1));
        assertEquals(Float.NaN, K.min(3, x, 1));
        assertEquals(Float.NaN, K.max(3, x, 1));
        assertEquals(Float.NaN, K.dot(3, x, vF32(1, 1, 1), 1));
        assertEquals(Float.NaN, K.asum(3, x, 1));
    }

    @Test
    void elementWiseF32() {
        float[] out = new float[2];
        VecF32 x = vF32(6, 8);
        VecF32 y = vF32(2, -4);
        K.binary(BinaryOp.ADD, 2, x, y, vF32(out), 1);
        assertArrayEquals(new float[] {8, 4}, out);
        K.binary(BinaryOp.SUB, 2, x, y, vF32(out), 1);
        assertArrayEquals(new float[] {4, 12}, out);
        K.binary(BinaryOp.MUL, 2, x, y, vF32(out), 1);
        assertArrayEquals(new float[] {12, -32}, out);
        K.binary(BinaryOp.DIV, 2, x, y, vF32(out), 1);
        assertArrayEquals(new float[] {3, -2}, out);
        K.binaryScalar(BinaryOp.SUB, 2, x, 1, false, vF32(out), 1);
        assertArrayEquals(new float[] {5, 7}, out);
        K.binaryScalar(BinaryOp.SUB, 2, x, 1, true, vF32(out), 1);
        assertArrayEquals(new float[] {-5, -7}, out);
        K.binaryScalar(BinaryOp.DIV, 2, x, 24, true, vF32(out), 1);
        assertArrayEquals(new float[] {4, 3}, out);
        K.binaryScalar(BinaryOp.DIV, 2, vF32(1, -1), 0, false, vF32(out), 1);
        assertArrayEquals(new float[] {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}, out);
        K.fma(2, x, y, vF32(1, 1), vF32(out), 1);
        assertArrayEquals(new float[] {13, -31}, out);
        K.fmaScalar(2, x, 0.5f, -1, vF32(out), 1);
        assertArrayEquals(new float[] {2, 3}, out);
    }

    @Test
    void fmaRoundsOnceF32() {
        float e = 0x1p-23f;
        float[] out = new float[1];
        // (1+e)(1-e) - 1 = -e^2 exactly; rounding the product first would give 0
        K.fma(1, vF32(1 + e), vF32(1 - e), vF32(-1), vF32(out), 1);
        assertEquals(-e * e, out[0]);
        K.fmaScalar(1, vF32(1 + e), 1 - e, -1, vF32(out), 1);
        assertEquals(-e * e, out[0]);
    }

    @Test
    void unaryF32() {
        float[] out = new float[3];
        K.unary(UnaryOp.ABS, 3, vF32(-2, -0.0f, 3), vF32(out), 1);
        assertArrayEquals(new float[] {2, 0.0f, 3}, out);
        K.unary(UnaryOp.NEG, 3, vF32(-2, 0.0f, 3), vF32(out), 1);
        assertArrayEquals(new float[] {2, -0.0f, -3}, out);
        K.unary(UnaryOp.SQRT, 3, vF32(9, -1, Float.POSITIVE_INFINITY), vF32(out), 1);
        assertArrayEquals(new float[] {3, Float.NaN, Float.POSITIVE_INFINITY}, out);
        K.unary(UnaryOp.EXP, 3, vF32(0, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY), vF32(out), 1);
        assertArrayEquals(new float[] {1, 0, Float.POSITIVE_INFINITY}, out);
        K.unary(UnaryOp.LOG, 3, vF32(1, 0, -1), vF32(out), 1);
        assertArrayEquals(new float[] {0, Float.NEGATIVE_INFINITY, Float.NaN}, out);
        K.unary(UnaryOp.TANH, 3, vF32(0, Float.POSITIVE_INFINITY, -40), vF32(out), 1);
        assertArrayEquals(new float[] {0, 1, -1}, out);
        K.unary(UnaryOp.SIGMOID, 3, vF32(0, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY), vF32(out), 1);
        assertArrayEquals(new float[] {0.5f, 1, 0}, out);
    }

    @Test
    void clampF32() {
        float[] out = new float[5];
        K.clamp(5, vF32(-5, 0.5f, 5, Float.NaN, -0.0f), -1, 1, vF32(out), 1);
        assertArrayEquals(new float[] {-1, 0.5f, 1, Float.NaN, -0.0f}, out);
        K.clamp(2, vF32(-0.0f, 0.0f), 0.0f, 0.0f, vF32(out), 1);
        assertEquals(0.0f, out[0]);
        assertEquals(0.0f, out[1]);
    }

    @Test
    void inPlaceF32() {
        float[] x = {1, 4, 9};
        K.unary(UnaryOp.SQRT, 3, vF32(x), vF32(x), 1);
        assertArrayEquals(new float[] {1, 2, 3}, x);
        K.binary(BinaryOp.MUL, 3, vF32(x), vF32(x), vF32(x), 1);
        assertArrayEquals(new float[] {1, 4, 9}, x);
    }
    // @twin-end
}
