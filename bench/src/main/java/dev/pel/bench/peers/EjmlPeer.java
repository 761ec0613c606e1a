package dev.pel.bench.peers;

import dev.pel.bench.workload.BenchKernel;
import dev.pel.bench.workload.KernelCall;
import dev.pel.bench.workload.Operands;
import dev.pel.runtime.DType;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.NormOps_FDRM;
import org.ejml.dense.row.mult.VectorVectorMult_DDRM;
import org.ejml.dense.row.mult.VectorVectorMult_FDRM;

/**
 * EJML's dense row-major operations on n-by-1 matrices that wrap the operands' arrays (no copy).
 * Only operations EJML really has and that compute the same thing: {@code innerProd} (dot),
 * {@code addEquals(y, a, x)} (y += a*x, i.e. axpy), {@code scale} (scal), {@code setTo} (copy),
 * {@code elementSumAbs} (asum), {@code normF} (nrm2, scaled like BLAS), {@code elementSum} (sum),
 * {@code elementMin}/{@code elementMax} (min, max), {@code add(x, y, out)} (add),
 * {@code elementMult(x, y, out)} (mul) and {@code elementExp} (exp). No swap, iamax, mean,
 * variance, fma, sigmoid or clamp: EJML has no operation that computes them.
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
        int n = in.n();
        if (in.dtype() == DType.F32) {
            FMatrixRMaj x = FMatrixRMaj.wrap(n, 1, in.xF32());
            FMatrixRMaj y = FMatrixRMaj.wrap(n, 1, in.yF32());
            float a = (float) Operands.AXPY_ALPHA;
            return switch (kernel) {
                case DOT -> () -> VectorVectorMult_FDRM.innerProd(x, y);
                case AXPY -> () -> {
                    CommonOps_FDRM.addEquals(y, a, x);
                    return 0;
                };
                case SCAL -> () -> {
                    CommonOps_FDRM.scale((float) in.nextScale(), x);
                    return 0;
                };
                case COPY -> () -> {
                    y.setTo(x);
                    return 0;
                };
                case ASUM -> () -> CommonOps_FDRM.elementSumAbs(x);
                case NRM2 -> () -> NormOps_FDRM.normF(x);
                case SUM -> () -> CommonOps_FDRM.elementSum(x);
                case MIN -> () -> CommonOps_FDRM.elementMin(x);
                case MAX -> () -> CommonOps_FDRM.elementMax(x);
                case ADD -> {
                    FMatrixRMaj out = FMatrixRMaj.wrap(n, 1, in.outF32());
                    yield () -> {
                        CommonOps_FDRM.add(x, y, out);
                        return 0;
                    };
                }
                case MUL -> {
                    FMatrixRMaj out = FMatrixRMaj.wrap(n, 1, in.outF32());
                    yield () -> {
                        CommonOps_FDRM.elementMult(x, y, out);
                        return 0;
                    };
                }
                case EXP -> {
                    FMatrixRMaj out = FMatrixRMaj.wrap(n, 1, in.outF32());
                    yield () -> {
                        CommonOps_FDRM.elementExp(x, out);
                        return 0;
                    };
                }
                case SWAP, IAMAX, MEAN, VARIANCE, FMA, SIGMOID, CLAMP -> throw Peers.unsupported(this, kernel, in.dtype());
            };
        }
        DMatrixRMaj x = DMatrixRMaj.wrap(n, 1, in.xF64());
        DMatrixRMaj y = DMatrixRMaj.wrap(n, 1, in.yF64());
        double a = Operands.AXPY_ALPHA;
        return switch (kernel) {
            case DOT -> () -> VectorVectorMult_DDRM.innerProd(x, y);
            case AXPY -> () -> {
                CommonOps_DDRM.addEquals(y, a, x);
                return 0;
            };
            case SCAL -> () -> {
                CommonOps_DDRM.scale(in.nextScale(), x);
                return 0;
            };
            case COPY -> () -> {
                y.setTo(x);
                return 0;
            };
            case ASUM -> () -> CommonOps_DDRM.elementSumAbs(x);
            case NRM2 -> () -> NormOps_DDRM.normF(x);
            case SUM -> () -> CommonOps_DDRM.elementSum(x);
            case MIN -> () -> CommonOps_DDRM.elementMin(x);
            case MAX -> () -> CommonOps_DDRM.elementMax(x);
            case ADD -> {
                DMatrixRMaj out = DMatrixRMaj.wrap(n, 1, in.outF64());
                yield () -> {
                    CommonOps_DDRM.add(x, y, out);
                    return 0;
                };
            }
            case MUL -> {
                DMatrixRMaj out = DMatrixRMaj.wrap(n, 1, in.outF64());
                yield () -> {
                    CommonOps_DDRM.elementMult(x, y, out);
                    return 0;
                };
            }
            case EXP -> {
                DMatrixRMaj out = DMatrixRMaj.wrap(n, 1, in.outF64());
                yield () -> {
                    CommonOps_DDRM.elementExp(x, out);
                    return 0;
                };
            }
            case SWAP, IAMAX, MEAN, VARIANCE, FMA, SIGMOID, CLAMP -> throw Peers.unsupported(this, kernel, in.dtype());
        };
    }
}
