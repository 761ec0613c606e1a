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
        if (in.dtype() == DType.F32) {
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
                case ASUM -> () -> asum(x);
                case NRM2 -> () -> nrm2(x);
                case SUM -> () -> sum(x);
            };
        }
        double[] x = in.xF64();
        double[] y = in.yF64();
        double a = Operands.AXPY_ALPHA;
        return switch (kernel) {
            case DOT -> () -> dot(x, y);
            case AXPY -> () -> {
                axpy(a, x, y);
                return 0;
            };
            case SCAL -> () -> {
                scal(in.nextScale(), x);
                return 0;
            };
            case COPY -> () -> {
                copy(x, y);
                return 0;
            };
            case ASUM -> () -> asum(x);
            case NRM2 -> () -> nrm2(x);
            case SUM -> () -> sum(x);
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

    static double nrm2(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }
}
