package dev.pel.bench.peers;

import static org.ejml.data.DMatrixRMaj.wrap;
import static org.ejml.data.FMatrixRMaj.wrap;
import static org.ejml.dense.row.CommonOps_DDRM.add;
import static org.ejml.dense.row.CommonOps_DDRM.addEquals;
import static org.ejml.dense.row.CommonOps_DDRM.elementExp;
import static org.ejml.dense.row.CommonOps_DDRM.elementMax;
import static org.ejml.dense.row.CommonOps_DDRM.elementMin;
import static org.ejml.dense.row.CommonOps_DDRM.elementMult;
import static org.ejml.dense.row.CommonOps_DDRM.elementSum;
import static org.ejml.dense.row.CommonOps_DDRM.elementSumAbs;
import static org.ejml.dense.row.CommonOps_DDRM.scale;
import static org.ejml.dense.row.CommonOps_FDRM.add;
import static org.ejml.dense.row.CommonOps_FDRM.addEquals;
import static org.ejml.dense.row.CommonOps_FDRM.elementExp;
import static org.ejml.dense.row.CommonOps_FDRM.elementMax;
import static org.ejml.dense.row.CommonOps_FDRM.elementMin;
import static org.ejml.dense.row.CommonOps_FDRM.elementMult;
import static org.ejml.dense.row.CommonOps_FDRM.elementSum;
import static org.ejml.dense.row.CommonOps_FDRM.elementSumAbs;
import static org.ejml.dense.row.CommonOps_FDRM.scale;
import static org.ejml.dense.row.NormOps_DDRM.normF;
import static org.ejml.dense.row.NormOps_FDRM.normF;
import static org.ejml.dense.row.mult.VectorVectorMult_DDRM.innerProd;
import static org.ejml.dense.row.mult.VectorVectorMult_FDRM.innerProd;

import dev.pel.bench.workload.BenchKernel;
import dev.pel.bench.workload.KernelCall;
import dev.pel.bench.workload.Operands;
import dev.pel.runtime.DType;
import java.util.Optional;

/**
 * EJML's dense row-major operations on n-by-1 matrices that wrap the operands' arrays (no copy).
 * Only operations EJML really has and that compute the same thing: {@code innerProd} (dot),
 * {@code addEquals(y, a, x)} (y += a*x, i.e. axpy), {@code scale} (scal), {@code setTo} (copy),
 * {@code elementSumAbs} (asum), {@code normF} (nrm2, scaled like BLAS), {@code elementSum} (sum),
 * {@code elementMin}/{@code elementMax} (min, max), {@code add(x, y, out)} (add),
 * {@code elementMult(x, y, out)} (mul) and {@code elementExp} (exp). No swap, iamax, mean,
 * variance, fma, sigmoid or clamp: EJML has no operation that computes them. The operations are
 * imported statically from both EJML's double ({@code _DDRM}) and float ({@code _FDRM}) classes,
 * so that the matrix type picks the overload and the float code is the double code's twin.
 */
public final class EjmlPeer implements Peer {
    public static final String NAME = "ejml";

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
        return "EJML 0.46.1 dense row-major ops on n-by-1 matrices, 1 thread";
    }

    @Override
    public boolean supports(BenchKernel kernel, DType dtype) {
        return switch (kernel) {
            case DOT, AXPY, SCAL, COPY, ASUM, NRM2, SUM, MIN, MAX, ADD, MUL, EXP -> true;
            case SWAP, IAMAX, MEAN, VARIANCE, FMA, SIGMOID, CLAMP -> false;
        };
    }

    @Override
    public KernelCall bind(BenchKernel kernel, Operands in) {
        if (!supports(kernel, in.dtype())) {
            throw Peers.unsupported(this, kernel, in.dtype());
        }
        return in.dtype() == DType.F32 ? bindF32(kernel, in) : bindF64(kernel, in);
    }

    // @twin-begin F64
    private KernelCall bindF64(BenchKernel kernel, Operands in) {
        int n = in.n();
        var x = wrap(n, 1, in.xF64());
        var y = wrap(n, 1, in.yF64());
        double a = (double) Operands.AXPY_ALPHA;
        return switch (kernel) {
            case DOT -> () -> innerProd(x, y);
            case AXPY -> () -> {
                addEquals(y, a, x);
                return 0;
            };
            case SCAL -> () -> {
                scale((double) in.nextScale(), x);
                return 0;
            };
            case COPY -> () -> {
                y.setTo(x);
                return 0;
            };
            case ASUM -> () -> elementSumAbs(x);
            case NRM2 -> () -> normF(x);
            case SUM -> () -> elementSum(x);
            case MIN -> () -> elementMin(x);
            case MAX -> () -> elementMax(x);
            case ADD -> {
                var out = wrap(n, 1, in.outF64());
                yield () -> {
                    add(x, y, out);
                    return 0;
                };
            }
            case MUL -> {
                var out = wrap(n, 1, in.outF64());
                yield () -> {
                    elementMult(x, y, out);
                    return 0;
                };
            }
            case EXP -> {
                var out = wrap(n, 1, in.outF64());
                yield () -> {
                    elementExp(x, out);
                    return 0;
                };
            }
            case SWAP, IAMAX, MEAN, VARIANCE, FMA, SIGMOID, CLAMP -> throw Peers.unsupported(this, kernel, in.dtype());
        };
    }
    // @twin-end
    // @twin-generated F32 from the F64 region above by TwinGenerator: do not edit
    private KernelCall bindF32(BenchKernel kernel, Operands in) {
        int n = in.n();
        var x = wrap(n, 1, in.xF32());
        var y = wrap(n, 1, in.yF32());
        float a = (float) Operands.AXPY_ALPHA;
        return switch (kernel) {
            case DOT -> () -> innerProd(x, y);
            case AXPY -> () -> {
                addEquals(y, a, x);
                return 0;
            };
            case SCAL -> () -> {
                scale((float) in.nextScale(), x);
                return 0;
            };
            case COPY -> () -> {
                y.setTo(x);
                return 0;
            };
            case ASUM -> () -> elementSumAbs(x);
            case NRM2 -> () -> normF(x);
            case SUM -> () -> elementSum(x);
            case MIN -> () -> elementMin(x);
            case MAX -> () -> elementMax(x);
            case ADD -> {
                var out = wrap(n, 1, in.outF32());
                yield () -> {
                    add(x, y, out);
                    return 0;
                };
            }
            case MUL -> {
                var out = wrap(n, 1, in.outF32());
                yield () -> {
                    elementMult(x, y, out);
                    return 0;
                };
            }
            case EXP -> {
                var out = wrap(n, 1, in.outF32());
                yield () -> {
                    elementExp(x, out);
                    return 0;
                };
            }
            case SWAP, IAMAX, MEAN, VARIANCE, FMA, SIGMOID, CLAMP -> throw Peers.unsupported(this, kernel, in.dtype());
        };
    }
    // @twin-end
}
