package dev.pel.bench.workload.analytics;

import dev.pel.runtime.DType;
import java.util.Arrays;

/**
 * A heap array of the element type (exactly one of {@link #f} and {@link #d} is set), read back as
 * doubles by the references: an f32 array's values are floats, so its widened values are exact.
 */
final class Vec {
    final float[] f;
    final double[] d;

    private Vec(float[] f, double[] d) {
        this.f = f;
        this.d = d;
    }

    /** The values rounded to the element type. */
    static Vec of(DType t, double[] values) {
        if (t == DType.F64) {
            return new Vec(null, values.clone());
        }
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return new Vec(f, null);
    }

    static Vec zeros(DType t, int n) {
        return t == DType.F32 ? new Vec(new float[n], null) : new Vec(null, new double[n]);
    }

    boolean f32() {
        return f != null;
    }

    int length() {
        return f != null ? f.length : d.length;
    }

    double get(int i) {
        return f != null ? f[i] : d[i];
    }

    /** The element's bits, for exact comparisons (NaN payloads and the sign of zero count). */
    long bits(int i) {
        return f != null ? Float.floatToRawIntBits(f[i]) : Double.doubleToRawLongBits(d[i]);
    }

    /** Every value widened to double (exact). */
    double[] values() {
        if (d != null) {
            return d.clone();
        }
        double[] out = new double[f.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f[i];
        }
        return out;
    }

    void fill(double v) {
        if (f != null) {
            Arrays.fill(f, (float) v);
        } else {
            Arrays.fill(d, v);
        }
    }

    /** Copies {@code from} (same type and length) into this array. */
    void copyFrom(Vec from) {
        if (f != null) {
            System.arraycopy(from.f, 0, f, 0, f.length);
        } else {
            System.arraycopy(from.d, 0, d, 0, d.length);
        }
    }

    Vec copy() {
        return f != null ? new Vec(f.clone(), null) : new Vec(null, d.clone());
    }
}
