package dev.pel.bench.peers;

import dev.pel.bench.workload.BenchKernel;
import dev.pel.bench.workload.KernelCall;
import dev.pel.bench.workload.Operands;
import dev.pel.runtime.DType;
import java.util.Optional;

/**
 * The obvious loops a user writes without a library: one index, one accumulator of the element
 * type (a float for float data). C2 vectorises the element-wise loops but not the floating-point
 * reductions, whose single dependent chain is what Pel's several accumulators beat.
 */
public final class JavaLoopPeer implements Peer {
    public static final String NAME = "java-loop";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    @Override
    public String details() {
        return "plain for loops, element-type accumulator, 1 thread";
    }

    @Override
    public boolean supports(BenchKernel kernel, DType dtype) {
        return true;
    }

    @Override
    public KernelCall bind(BenchKernel kernel, Operands in) {
        return in.dtype() == DType.F32 ? bindF32(kernel, in) : bindF64(kernel, in);
    }

    // @twin-begin F64
    private static KernelCall bindF64(BenchKernel kernel, Operands in) {
        double[] x = in.xF64();
        double[] y = in.yF64();
        double a = (double) Operands.AXPY_ALPHA;
        return switch (kernel) {
            case DOT -> () -> dot(x, y);
            case AXPY -> () -> {
                axpy(a, x, y);
                return 0;
            };
            case SCAL -> () -> {
                scal((double) in.nextScale(), x);
                return 0;
            };
            case COPY -> () -> {
                copy(x, y);
                return 0;
            };
            case SWAP -> () -> {
                swap(x, y);
                return 0;
            };
            case ASUM -> () -> asum(x);
            case NRM2 -> () -> nrm2(x);
            case IAMAX -> () -> iamax(x);
            case SUM -> () -> sum(x);
            case MEAN -> () -> sum(x) / x.length;
            case VARIANCE -> () -> variance(x);
            case MIN -> () -> min(x);
            case MAX -> () -> max(x);
            case ADD -> {
                double[] out = in.outF64();
                yield () -> {
                    add(x, y, out);
                    return 0;
                };
            }
            case MUL -> {
                double[] out = in.outF64();
                yield () -> {
                    mul(x, y, out);
                    return 0;
                };
            }
            case FMA -> {
                double[] z = in.zF64();
                double[] out = in.outF64();
                yield () -> {
                    fma(x, y, z, out);
                    return 0;
                };
            }
            case EXP -> {
                double[] out = in.outF64();
                yield () -> {
                    exp(x, out);
                    return 0;
                };
            }
            case SIGMOID -> {
                double[] out = in.outF64();
                yield () -> {
                    sigmoid(x, out);
                    return 0;
                };
            }
            case CLAMP -> {
                double[] out = in.outF64();
                double lo = (double) Operands.CLAMP_LO;
                double hi = (double) Operands.CLAMP_HI;
                yield () -> {
                    clamp(x, lo, hi, out);
                    return 0;
                };
            }
        };
    }

    static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    static void scal(double a, double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= a;
        }
    }

    static void copy(double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i];
        }
    }

    static double asum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += Math.abs(v);
        }
        return s;
    }

    /** Unscaled, as users write it: may overflow where a scaled nrm2 would not. */
    static double nrm2(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return (double) Math.sqrt(s);
    }

    static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }

    static void swap(double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            double t = x[i];
            x[i] = y[i];
            y[i] = t;
        }
    }

    /** First index of the largest |x[i]|, -1 for an empty array. */
    static int iamax(double[] x) {
        int best = x.length == 0 ? -1 : 0;
        for (int i = 1; i < x.length; i++) {
            if (Math.abs(x[i]) > Math.abs(x[best])) {
                best = i;
            }
        }
        return best;
    }

    /** Population variance, two passes in the element type (the textbook formula, stable enough for data near 0). */
    static double variance(double[] x) {
        double mean = sum(x) / x.length;
        double s = 0;
        for (double v : x) {
            double d = v - mean;
            s += d * d;
        }
        return s / x.length;
    }

    static double min(double[] x) {
        double m = x[0];
        for (double v : x) {
            m = Math.min(m, v);
        }
        return m;
    }

    static double max(double[] x) {
        double m = x[0];
        for (double v : x) {
            m = Math.max(m, v);
        }
        return m;
    }

    static void add(double[] x, double[] y, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] + y[i];
        }
    }

    static void mul(double[] x, double[] y, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * y[i];
        }
    }

    static void fma(double[] x, double[] y, double[] z, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.fma(x[i], y[i], z[i]);
        }
    }

    static void exp(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = (double) Math.exp(x[i]);
        }
    }

    static void sigmoid(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = (double) (1 / (1 + Math.exp(-x[i])));
        }
    }

    static void clamp(double[] x, double lo, double hi, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.min(Math.max(x[i], lo), hi);
        }
    }
    // @twin-end
    // @twin-generated F32 from the F64 region above by TwinGenerator: do not edit
    private static KernelCall bindF32(BenchKernel kernel, Operands in) {
        float[] x = in.xF32();
        float[] y = in.yF32();
        float a = (float) Operands.AXPY_ALPHA;
        return switch (kernel) {
            case DOT -> () -> dot(x, y);
            case AXPY -> () -> {
                axpy(a, x, y);
                return 0;
            };
            case SCAL -> () -> {
                scal((float) in.nextScale(), x);
                return 0;
            };
            case COPY -> () -> {
                copy(x, y);
                return 0;
            };
            case SWAP -> () -> {
                swap(x, y);
                return 0;
            };
            case ASUM -> () -> asum(x);
            case NRM2 -> () -> nrm2(x);
            case IAMAX -> () -> iamax(x);
            case SUM -> () -> sum(x);
            case MEAN -> () -> sum(x) / x.length;
            case VARIANCE -> () -> variance(x);
            case MIN -> () -> min(x);
            case MAX -> () -> max(x);
            case ADD -> {
                float[] out = in.outF32();
                yield () -> {
                    add(x, y, out);
                    return 0;
                };
            }
            case MUL -> {
                float[] out = in.outF32();
                yield () -> {
                    mul(x, y, out);
                    return 0;
                };
            }
            case FMA -> {
                float[] z = in.zF32();
                float[] out = in.outF32();
                yield () -> {
                    fma(x, y, z, out);
                    return 0;
                };
            }
            case EXP -> {
                float[] out = in.outF32();
                yield () -> {
                    exp(x, out);
                    return 0;
                };
            }
            case SIGMOID -> {
                float[] out = in.outF32();
                yield () -> {
                    sigmoid(x, out);
                    return 0;
                };
            }
            case CLAMP -> {
                float[] out = in.outF32();
                float lo = (float) Operands.CLAMP_LO;
                float hi = (float) Operands.CLAMP_HI;
                yield () -> {
                    clamp(x, lo, hi, out);
                    return 0;
                };
            }
        };
    }

    static float dot(float[] x, float[] y) {
        float s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    static void axpy(float a, float[] x, float[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    static void scal(float a, float[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= a;
        }
    }

    static void copy(float[] x, float[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i];
        }
    }

    static float asum(float[] x) {
        float s = 0;
        for (float v : x) {
            s += Math.abs(v);
        }
        return s;
    }

    /** Unscaled, as users write it: may overflow where a scaled nrm2 would not. */
    static float nrm2(float[] x) {
        float s = 0;
        for (float v : x) {
            s += v * v;
        }
        return (float) Math.sqrt(s);
    }

    static float sum(float[] x) {
        float s = 0;
        for (float v : x) {
            s += v;
        }
        return s;
    }

    static void swap(float[] x, float[] y) {
        for (int i = 0; i < x.length; i++) {
            float t = x[i];
            x[i] = y[i];
            y[i] = t;
        }
    }

    /** First index of the largest |x[i]|, -1 for an empty array. */
    static int iamax(float[] x) {
        int best = x.length == 0 ? -1 : 0;
        for (int i = 1; i < x.length; i++) {
            if (Math.abs(x[i]) > Math.abs(x[best])) {
                best = i;
            }
        }
        return best;
    }

    /** Population variance, two passes in the element type (the textbook formula, stable enough for data near 0). */
    static float variance(float[] x) {
        float mean = sum(x) / x.length;
        float s = 0;
        for (float v : x) {
            float d = v - mean;
            s += d * d;
        }
        return s / x.length;
    }

    static float min(float[] x) {
        float m = x[0];
        for (float v : x) {
            m = Math.min(m, v);
        }
        return m;
    }

    static float max(float[] x) {
        float m = x[0];
        for (float v : x) {
            m = Math.max(m, v);
        }
        return m;
    }

    static void add(float[] x, float[] y, float[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] + y[i];
        }
    }

    static void mul(float[] x, float[] y, float[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * y[i];
        }
    }

    static void fma(float[] x, float[] y, float[] z, float[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.fma(x[i], y[i], z[i]);
        }
    }

    static void exp(float[] x, float[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) Math.exp(x[i]);
        }
    }

    static void sigmoid(float[] x, float[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) (1 / (1 + Math.exp(-x[i])));
        }
    }

    static void clamp(float[] x, float lo, float hi, float[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.min(Math.max(x[i], lo), hi);
        }
    }
    // @twin-end
}
