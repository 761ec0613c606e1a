package dev.pel.kernels;

import dev.pel.kernels.spi.BinaryOp;
import dev.pel.kernels.spi.KernelSet;
import dev.pel.kernels.spi.UnaryOp;
import dev.pel.kernels.spi.VecF32;
import dev.pel.kernels.spi.VecF64;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.memory.DoubleArray;
import dev.pel.runtime.memory.FloatArray;

/**
 * Element-wise arithmetic and functions into an output array of the same length. The output may
 * be one of the inputs (in place) but must not partially overlap one. Arithmetic, {@code abs},
 * {@code neg}, {@code sqrt}, {@code fma} and {@code clamp} are exact (correctly rounded, fma with
 * one rounding) on every backend. {@code exp}, {@code log} and {@code tanh} are within 2 ulp of
 * {@link StrictMath} and {@code sigmoid} within 4 ulp on every backend (the SIMD backend uses the
 * Vector API's intrinsics; the reference uses {@link Math}); the tests hold every backend to these bounds.
 */
public final class ElementWise extends Facade<KernelSet> {
    private static final ElementWise DEFAULT = new ElementWise(null);

    private ElementWise(PelRuntime runtime) {
        super(runtime, KernelSets.FOUNDATION);
    }

    public static ElementWise get() {
        return DEFAULT;
    }

    public static ElementWise on(PelRuntime runtime) {
        return new ElementWise(Check.notNull("runtime", runtime));
    }

    private static void bounds(double lo, double hi) {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("lo: must be <= hi and not NaN, was lo=" + lo + ", hi=" + hi);
        }
    }

    // @twin-begin F64
    private void unaryF64(UnaryOp op, VecF64 x, VecF64 out, long n) {
        Operands.disjoint("x", x, "out", out, n, true);
        run(Catalogue.of(op), DType.F64, n, Operands.where(x, out), (k, t) -> k.unary(op, n, x, out, t));
    }

    private void unaryF64(UnaryOp op, double[] x, double[] out) {
        Check.notNull("x", x);
        Check.notNull("out", out);
        Check.sameLength("out", out.length, "x", x.length);
        unaryF64(op, Operands.whole("x", x), Operands.whole("out", out), x.length);
    }

    private void unaryF64(UnaryOp op, DoubleArray x, DoubleArray out) {
        Check.open("x", x);
        Check.open("out", out);
        Check.sameLength("out", out.length(), "x", x.length());
        unaryF64(op, Operands.whole("x", x), Operands.whole("out", out), x.length());
    }

    private void binaryF64(BinaryOp op, VecF64 x, VecF64 y, VecF64 out, long n) {
        Operands.disjoint("x", x, "out", out, n, true);
        Operands.disjoint("y", y, "out", out, n, true);
        run(Catalogue.of(op), DType.F64, n, Operands.where(x, y, out), (k, t) -> k.binary(op, n, x, y, out, t));
    }

    private void binaryF64(BinaryOp op, double[] x, double[] y, double[] out) {
        Check.notNull("x", x);
        Check.notNull("y", y);
        Check.notNull("out", out);
        Check.sameLength("y", y.length, "x", x.length);
        Check.sameLength("out", out.length, "x", x.length);
        binaryF64(op, Operands.whole("x", x), Operands.whole("y", y), Operands.whole("out", out), x.length);
    }

    private void binaryF64(BinaryOp op, DoubleArray x, DoubleArray y, DoubleArray out) {
        Check.open("x", x);
        Check.open("y", y);
        Check.open("out", out);
        Check.sameLength("y", y.length(), "x", x.length());
        Check.sameLength("out", out.length(), "x", x.length());
        binaryF64(op, Operands.whole("x", x), Operands.whole("y", y), Operands.whole("out", out), x.length());
    }

    private void scalarF64(BinaryOp op, VecF64 x, double s, boolean scalarFirst, VecF64 out, long n) {
        Operands.disjoint("x", x, "out", out, n, true);
        run(Catalogue.ofScalar(op), DType.F64, n, Operands.where(x, out), (k, t) -> k.binaryScalar(op, n, x, s, scalarFirst, out, t));
    }

    private void scalarF64(BinaryOp op, double[] x, double s, boolean scalarFirst, double[] out) {
        Check.notNull("x", x);
        Check.notNull("out", out);
        Check.sameLength("out", out.length, "x", x.length);
        scalarF64(op, Operands.whole("x", x), s, scalarFirst, Operands.whole("out", out), x.length);
    }

    private void scalarF64(BinaryOp op, DoubleArray x, double s, boolean scalarFirst, DoubleArray out) {
        Check.open("x", x);
        Check.open("out", out);
        Check.sameLength("out", out.length(), "x", x.length());
        scalarF64(op, Operands.whole("x", x), s, scalarFirst, Operands.whole("out", out), x.length());
    }

    /** {@code out = x + y}. */
    public void add(double[] x, double[] y, double[] out) {
        binaryF64(BinaryOp.ADD, x, y, out);
    }

    public void add(DoubleArray x, DoubleArray y, DoubleArray out) {
        binaryF64(BinaryOp.ADD, x, y, out);
    }

    /** {@code out = x + s}. */
    public void add(double[] x, double s, double[] out) {
        scalarF64(BinaryOp.ADD, x, s, false, out);
    }

    public void add(DoubleArray x, double s, DoubleArray out) {
        scalarF64(BinaryOp.ADD, x, s, false, out);
    }

    /** {@code out = x - y}. */
    public void sub(double[] x, double[] y, double[] out) {
        binaryF64(BinaryOp.SUB, x, y, out);
    }

    public void sub(DoubleArray x, DoubleArray y, DoubleArray out) {
        binaryF64(BinaryOp.SUB, x, y, out);
    }

    /** {@code out = x - s}. */
    public void sub(double[] x, double s, double[] out) {
        scalarF64(BinaryOp.SUB, x, s, false, out);
    }

    public void sub(DoubleArray x, double s, DoubleArray out) {
        scalarF64(BinaryOp.SUB, x, s, false, out);
    }

    /** {@code out = s - x}. */
    public void sub(double s, double[] x, double[] out) {
        scalarF64(BinaryOp.SUB, x, s, true, out);
    }

    public void sub(double s, DoubleArray x, DoubleArray out) {
        scalarF64(BinaryOp.SUB, x, s, true, out);
    }

    /** {@code out = x * y}. */
    public void mul(double[] x, double[] y, double[] out) {
        binaryF64(BinaryOp.MUL, x, y, out);
    }

    public void mul(DoubleArray x, DoubleArray y, DoubleArray out) {
        binaryF64(BinaryOp.MUL, x, y, out);
    }

    /** {@code out = x * s}. */
    public void mul(double[] x, double s, double[] out) {
        scalarF64(BinaryOp.MUL, x, s, false, out);
    }

    public void mul(DoubleArray x, double s, DoubleArray out) {
        scalarF64(BinaryOp.MUL, x, s, false, out);
    }

    /** {@code out = x / y}. */
    public void div(double[] x, double[] y, double[] out) {
        binaryF64(BinaryOp.DIV, x, y, out);
    }

    public void div(DoubleArray x, DoubleArray y, DoubleArray out) {
        binaryF64(BinaryOp.DIV, x, y, out);
    }

    /** {@code out = x / s}. */
    public void div(double[] x, double s, double[] out) {
        scalarF64(BinaryOp.DIV, x, s, false, out);
    }

    public void div(DoubleArray x, double s, DoubleArray out) {
        scalarF64(BinaryOp.DIV, x, s, false, out);
    }

    /** {@code out = s / x}. */
    public void div(double s, double[] x, double[] out) {
        scalarF64(BinaryOp.DIV, x, s, true, out);
    }

    public void div(double s, DoubleArray x, DoubleArray out) {
        scalarF64(BinaryOp.DIV, x, s, true, out);
    }

    /** {@code out = x * y + z} with one rounding. */
    public void fma(double[] x, double[] y, double[] z, double[] out) {
        Check.notNull("x", x);
        Check.notNull("y", y);
        Check.notNull("z", z);
        Check.notNull("out", out);
        Check.sameLength("y", y.length, "x", x.length);
        Check.sameLength("z", z.length, "x", x.length);
        Check.sameLength("out", out.length, "x", x.length);
        fmaF64(Operands.whole("x", x), Operands.whole("y", y), Operands.whole("z", z), Operands.whole("out", out), x.length);
    }

    public void fma(DoubleArray x, DoubleArray y, DoubleArray z, DoubleArray out) {
        Check.open("x", x);
        Check.open("y", y);
        Check.open("z", z);
        Check.open("out", out);
        Check.sameLength("y", y.length(), "x", x.length());
        Check.sameLength("z", z.length(), "x", x.length());
        Check.sameLength("out", out.length(), "x", x.length());
        fmaF64(Operands.whole("x", x), Operands.whole("y", y), Operands.whole("z", z), Operands.whole("out", out), x.length());
    }

    private void fmaF64(VecF64 x, VecF64 y, VecF64 z, VecF64 out, long n) {
        Operands.disjoint("x", x, "out", out, n, true);
        Operands.disjoint("y", y, "out", out, n, true);
        Operands.disjoint("z", z, "out", out, n, true);
        run(Catalogue.FMA, DType.F64, n, Operands.where(x, y, z, out), (k, t) -> k.fma(n, x, y, z, out, t));
    }

    /** {@code out = x * a + b} with one rounding. */
    public void fma(double[] x, double a, double b, double[] out) {
        Check.notNull("x", x);
        Check.notNull("out", out);
        Check.sameLength("out", out.length, "x", x.length);
        fmaScalarF64(Operands.whole("x", x), a, b, Operands.whole("out", out), x.length);
    }

    public void fma(DoubleArray x, double a, double b, DoubleArray out) {
        Check.open("x", x);
        Check.open("out", out);
        Check.sameLength("out", out.length(), "x", x.length());
        fmaScalarF64(Operands.whole("x", x), a, b, Operands.whole("out", out), x.length());
    }

    private void fmaScalarF64(VecF64 x, double a, double b, VecF64 out, long n) {
        Operands.disjoint("x", x, "out", out, n, true);
        run(Catalogue.FMA_SCALAR, DType.F64, n, Operands.where(x, out), (k, t) -> k.fmaScalar(n, x, a, b, out, t));
    }

    /** {@code out = min(max(x, lo), hi)}; requires lo <= hi; NaN stays NaN. */
    public void clamp(double[] x, double lo, double hi, double[] out) {
        bounds(lo, hi);
        Check.notNull("x", x);
        Check.notNull("out", out);
        Check.sameLength("out", out.length, "x", x.length);
        clampF64(Operands.whole("x", x), lo, hi, Operands.whole("out", out), x.length);
    }

    public void clamp(DoubleArray x, double lo, double hi, DoubleArray out) {
        bounds(lo, hi);
        Check.open("x", x);
        Check.open("out", out);
        Check.sameLength("out", out.length(), "x", x.length());
        clampF64(Operands.whole("x", x), lo, hi, Operands.whole("out", out), x.length());
    }

    private void clampF64(VecF64 x, double lo, double hi, VecF64 out, long n) {
        Operands.disjoint("x", x, "out", out, n, true);
        run(Catalogue.CLAMP, DType.F64, n, Operands.where(x, out), (k, t) -> k.clamp(n, x, lo, hi, out, t));
    }

    public void abs(double[] x, double[] out) {
        unaryF64(UnaryOp.ABS, x, out);
    }

    public void abs(DoubleArray x, DoubleArray out) {
        unaryF64(UnaryOp.ABS, x, out);
    }

    public void neg(double[] x, double[] out) {
        unaryF64(UnaryOp.NEG, x, out);
    }

    public void neg(DoubleArray x, DoubleArray out) {
        unaryF64(UnaryOp.NEG, x, out);
    }

    public void sqrt(double[] x, double[] out) {
        unaryF64(UnaryOp.SQRT, x, out);
    }

    public void sqrt(DoubleArray x, DoubleArray out) {
        unaryF64(UnaryOp.SQRT, x, out);
    }

    public void exp(double[] x, double[] out) {
        unaryF64(UnaryOp.EXP, x, out);
    }

    public void exp(DoubleArray x, DoubleArray out) {
        unaryF64(UnaryOp.EXP, x, out);
    }

    public void log(double[] x, double[] out) {
        unaryF64(UnaryOp.LOG, x, out);
    }

    public void log(DoubleArray x, DoubleArray out) {
        unaryF64(UnaryOp.LOG, x, out);
    }

    public void tanh(double[] x, double[] out) {
        unaryF64(UnaryOp.TANH, x, out);
    }

    public void tanh(DoubleArray x, DoubleArray out) {
        unaryF64(UnaryOp.TANH, x, out);
    }

    /** {@code out = 1 / (1 + exp(-x))}. */
    public void sigmoid(double[] x, double[] out) {
        unaryF64(UnaryOp.SIGMOID, x, out);
    }

    public void sigmoid(DoubleArray x, DoubleArray out) {
        unaryF64(UnaryOp.SIGMOID, x, out);
    }
    // @twin-end
    // @twin-generated F32 from the F64 region above by TwinGenerator: do not edit
    private void unaryF32(UnaryOp op, VecF32 x, VecF32 out, long n) {
        Operands.disjoint("x", x, "out", out, n, true);
        run(Catalogue.of(op), DType.F32, n, Operands.where(x, out), (k, t) -> k.unary(op, n, x, out, t));
    }

    private void unaryF32(UnaryOp op, float[] x, float[] out) {
        Check.notNull("x", x);
        Check.notNull("out", out);
        Check.sameLength("out", out.length, "x", x.length);
        unaryF32(op, Operands.whole("x", x), Operands.whole("out", out), x.length);
    }

    private void unaryF32(UnaryOp op, FloatArray x, FloatArray out) {
        Check.open("x", x);
        Check.open("out", out);
        Check.sameLength("out", out.length(), "x", x.length());
        unaryF32(op, Operands.whole("x", x), Operands.whole("out", out), x.length());
    }

    private void binaryF32(BinaryOp op, VecF32 x, VecF32 y, VecF32 out, long n) {
        Operands.disjoint("x", x, "out", out, n, true);
        Operands.disjoint("y", y, "out", out, n, true);
        run(Catalogue.of(op), DType.F32, n, Operands.where(x, y, out), (k, t) -> k.binary(op, n, x, y, out, t));
    }

    private void binaryF32(BinaryOp op, float[] x, float[] y, float[] out) {
        Check.notNull("x", x);
        Check.notNull("y", y);
        Check.notNull("out", out);
        Check.sameLength("y", y.length, "x", x.length);
        Check.sameLength("out", out.length, "x", x.length);
        binaryF32(op, Operands.whole("x", x), Operands.whole("y", y), Operands.whole("out", out), x.length);
    }

    private void binaryF32(BinaryOp op, FloatArray x, FloatArray y, FloatArray out) {
        Check.open("x", x);
        Check.open("y", y);
        Check.open("out", out);
        Check.sameLength("y", y.length(), "x", x.length());
        Check.sameLength("out", out.length(), "x", x.length());
        binaryF32(op, Operands.whole("x", x), Operands.whole("y", y), Operands.whole("out", out), x.length());
    }

    private void scalarF32(BinaryOp op, VecF32 x, float s, boolean scalarFirst, VecF32 out, long n) {
        Operands.disjoint("x", x, "out", out, n, true);
        run(Catalogue.ofScalar(op), DType.F32, n, Operands.where(x, out), (k, t) -> k.binaryScalar(op, n, x, s, scalarFirst, out, t));
    }

    private void scalarF32(BinaryOp op, float[] x, float s, boolean scalarFirst, float[] out) {
        Check.notNull("x", x);
        Check.notNull("out", out);
        Check.sameLength("out", out.length, "x", x.length);
        scalarF32(op, Operands.whole("x", x), s, scalarFirst, Operands.whole("out", out), x.length);
    }

    private void scalarF32(BinaryOp op, FloatArray x, float s, boolean scalarFirst, FloatArray out) {
        Check.open("x", x);
        Check.open("out", out);
        Check.sameLength("out", out.length(), "x", x.length());
        scalarF32(op, Operands.whole("x", x), s, scalarFirst, Operands.whole("out", out), x.length());
    }

    /** {@code out = x + y}. */
    public void add(float[] x, float[] y, float[] out) {
        binaryF32(BinaryOp.ADD, x, y, out);
    }

    public void add(FloatArray x, FloatArray y, FloatArray out) {
        binaryF32(BinaryOp.ADD, x, y, out);
    }

    /** {@code out = x + s}. */
    public void add(float[] x, float s, float[] out) {
        scalarF32(BinaryOp.ADD, x, s, false, out);
    }

    public void add(FloatArray x, float s, FloatArray out) {
        scalarF32(BinaryOp.ADD, x, s, false, out);
    }

    /** {@code out = x - y}. */
    public void sub(float[] x, float[] y, float[] out) {
        binaryF32(BinaryOp.SUB, x, y, out);
    }

    public void sub(FloatArray x, FloatArray y, FloatArray out) {
        binaryF32(BinaryOp.SUB, x, y, out);
    }

    /** {@code out = x - s}. */
    public void sub(float[] x, float s, float[] out) {
        scalarF32(BinaryOp.SUB, x, s, false, out);
    }

    public void sub(FloatArray x, float s, FloatArray out) {
        scalarF32(BinaryOp.SUB, x, s, false, out);
    }

    /** {@code out = s - x}. */
    public void sub(float s, float[] x, float[] out) {
        scalarF32(BinaryOp.SUB, x, s, true, out);
    }

    public void sub(float s, FloatArray x, FloatArray out) {
        scalarF32(BinaryOp.SUB, x, s, true, out);
    }

    /** {@code out = x * y}. */
    public void mul(float[] x, float[] y, float[] out) {
        binaryF32(BinaryOp.MUL, x, y, out);
    }

    public void mul(FloatArray x, FloatArray y, FloatArray out) {
        binaryF32(BinaryOp.MUL, x, y, out);
    }

    /** {@code out = x * s}. */
    public void mul(float[] x, float s, float[] out) {
        scalarF32(BinaryOp.MUL, x, s, false, out);
    }

    public void mul(FloatArray x, float s, FloatArray out) {
        scalarF32(BinaryOp.MUL, x, s, false, out);
    }

    /** {@code out = x / y}. */
    public void div(float[] x, float[] y, float[] out) {
        binaryF32(BinaryOp.DIV, x, y, out);
    }

    public void div(FloatArray x, FloatArray y, FloatArray out) {
        binaryF32(BinaryOp.DIV, x, y, out);
    }

    /** {@code out = x / s}. */
    public void div(float[] x, float s, float[] out) {
        scalarF32(BinaryOp.DIV, x, s, false, out);
    }

    public void div(FloatArray x, float s, FloatArray out) {
        scalarF32(BinaryOp.DIV, x, s, false, out);
    }

    /** {@code out = s / x}. */
    public void div(float s, float[] x, float[] out) {
        scalarF32(BinaryOp.DIV, x, s, true, out);
    }

    public void div(float s, FloatArray x, FloatArray out) {
        scalarF32(BinaryOp.DIV, x, s, true, out);
    }

    /** {@code out = x * y + z} with one rounding. */
    public void fma(float[] x, float[] y, float[] z, float[] out) {
        Check.notNull("x", x);
        Check.notNull("y", y);
        Check.notNull("z", z);
        Check.notNull("out", out);
        Check.sameLength("y", y.length, "x", x.length);
        Check.sameLength("z", z.length, "x", x.length);
        Check.sameLength("out", out.length, "x", x.length);
        fmaF32(Operands.whole("x", x), Operands.whole("y", y), Operands.whole("z", z), Operands.whole("out", out), x.length);
    }

    public void fma(FloatArray x, FloatArray y, FloatArray z, FloatArray out) {
        Check.open("x", x);
        Check.open("y", y);
        Check.open("z", z);
        Check.open("out", out);
        Check.sameLength("y", y.length(), "x", x.length());
        Check.sameLength("z", z.length(), "x", x.length());
        Check.sameLength("out", out.length(), "x", x.length());
        fmaF32(Operands.whole("x", x), Operands.whole("y", y), Operands.whole("z", z), Operands.whole("out", out), x.length());
    }

    private void fmaF32(VecF32 x, VecF32 y, VecF32 z, VecF32 out, long n) {
        Operands.disjoint("x", x, "out", out, n, true);
        Operands.disjoint("y", y, "out", out, n, true);
        Operands.disjoint("z", z, "out", out, n, true);
        run(Catalogue.FMA, DType.F32, n, Operands.where(x, y, z, out), (k, t) -> k.fma(n, x, y, z, out, t));
    }

    /** {@code out = x * a + b} with one rounding. */
    public void fma(float[] x, float a, float b, float[] out) {
        Check.notNull("x", x);
        Check.notNull("out", out);
        Check.sameLength("out", out.length, "x", x.length);
        fmaScalarF32(Operands.whole("x", x), a, b, Operands.whole("out", out), x.length);
    }

    public void fma(FloatArray x, float a, float b, FloatArray out) {
        Check.open("x", x);
        Check.open("out", out);
        Check.sameLength("out", out.length(), "x", x.length());
        fmaScalarF32(Operands.whole("x", x), a, b, Operands.whole("out", out), x.length());
    }

    private void fmaScalarF32(VecF32 x, float a, float b, VecF32 out, long n) {
        Operands.disjoint("x", x, "out", out, n, true);
        run(Catalogue.FMA_SCALAR, DType.F32, n, Operands.where(x, out), (k, t) -> k.fmaScalar(n, x, a, b, out, t));
    }

    /** {@code out = min(max(x, lo), hi)}; requires lo <= hi; NaN stays NaN. */
    public void clamp(float[] x, float lo, float hi, float[] out) {
        bounds(lo, hi);
        Check.notNull("x", x);
        Check.notNull("out", out);
        Check.sameLength("out", out.length, "x", x.length);
        clampF32(Operands.whole("x", x), lo, hi, Operands.whole("out", out), x.length);
    }

    public void clamp(FloatArray x, float lo, float hi, FloatArray out) {
        bounds(lo, hi);
        Check.open("x", x);
        Check.open("out", out);
        Check.sameLength("out", out.length(), "x", x.length());
        clampF32(Operands.whole("x", x), lo, hi, Operands.whole("out", out), x.length());
    }

    private void clampF32(VecF32 x, float lo, float hi, VecF32 out, long n) {
        Operands.disjoint("x", x, "out", out, n, true);
        run(Catalogue.CLAMP, DType.F32, n, Operands.where(x, out), (k, t) -> k.clamp(n, x, lo, hi, out, t));
    }

    public void abs(float[] x, float[] out) {
        unaryF32(UnaryOp.ABS, x, out);
    }

    public void abs(FloatArray x, FloatArray out) {
        unaryF32(UnaryOp.ABS, x, out);
    }

    public void neg(float[] x, float[] out) {
        unaryF32(UnaryOp.NEG, x, out);
    }

    public void neg(FloatArray x, FloatArray out) {
        unaryF32(UnaryOp.NEG, x, out);
    }

    public void sqrt(float[] x, float[] out) {
        unaryF32(UnaryOp.SQRT, x, out);
    }

    public void sqrt(FloatArray x, FloatArray out) {
        unaryF32(UnaryOp.SQRT, x, out);
    }

    public void exp(float[] x, float[] out) {
        unaryF32(UnaryOp.EXP, x, out);
    }

    public void exp(FloatArray x, FloatArray out) {
        unaryF32(UnaryOp.EXP, x, out);
    }

    public void log(float[] x, float[] out) {
        unaryF32(UnaryOp.LOG, x, out);
    }

    public void log(FloatArray x, FloatArray out) {
        unaryF32(UnaryOp.LOG, x, out);
    }

    public void tanh(float[] x, float[] out) {
        unaryF32(UnaryOp.TANH, x, out);
    }

    public void tanh(FloatArray x, FloatArray out) {
        unaryF32(UnaryOp.TANH, x, out);
    }

    /** {@code out = 1 / (1 + exp(-x))}. */
    public void sigmoid(float[] x, float[] out) {
        unaryF32(UnaryOp.SIGMOID, x, out);
    }

    public void sigmoid(FloatArray x, FloatArray out) {
        unaryF32(UnaryOp.SIGMOID, x, out);
    }
    // @twin-end
}
