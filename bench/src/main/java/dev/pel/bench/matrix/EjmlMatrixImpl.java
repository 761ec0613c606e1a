package dev.pel.bench.matrix;

import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.ejml.dense.row.CommonOps_MT_FDRM;

/** EJML at its best for the call: its multi-threaded {@code CommonOps_MT_*DRM.mult} for gemm, {@code CommonOps_*DRM.mult} for gemv. */
final class EjmlMatrixImpl implements MatrixImpl {
    @Override
    public String name() {
        return "ejml";
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    @Override
    public String details() {
        return "EJML CommonOps_MT_DDRM/FDRM.mult (gemm), CommonOps_DDRM/FDRM.mult (gemv)";
    }

    @Override
    public Bound prepare(MatrixKernel kernel, boolean f32, int m, int n, int k, double[] a, double[] b) {
        boolean gemm = kernel == MatrixKernel.GEMM;
        if (f32) {
            FMatrixRMaj ma = FMatrixRMaj.wrap(m, gemm ? k : n, MatrixSweep.toFloat(a));
            FMatrixRMaj mb = FMatrixRMaj.wrap(gemm ? k : n, gemm ? n : 1, MatrixSweep.toFloat(b));
            FMatrixRMaj mc = new FMatrixRMaj(m, gemm ? n : 1);
            Runnable call = gemm ? () -> CommonOps_MT_FDRM.mult(ma, mb, mc) : () -> CommonOps_FDRM.mult(ma, mb, mc);
            return MatrixSweep.bound(call, i -> mc.data[i]);
        }
        DMatrixRMaj ma = DMatrixRMaj.wrap(m, gemm ? k : n, a);
        DMatrixRMaj mb = DMatrixRMaj.wrap(gemm ? k : n, gemm ? n : 1, b);
        DMatrixRMaj mc = new DMatrixRMaj(m, gemm ? n : 1);
        Runnable call = gemm ? () -> CommonOps_MT_DDRM.mult(ma, mb, mc) : () -> CommonOps_DDRM.mult(ma, mb, mc);
        return MatrixSweep.bound(call, i -> mc.data[i]);
    }
}
