package dev.pel.bench.matrix;

import dev.pel.kernels.Catalogue;
import dev.pel.runtime.dispatch.KernelSpec;

/** The matrix kernels {@link MatrixSweep} measures, with their catalogue cost (flops as functions of m, n, k). */
enum MatrixKernel {
    GEMM(Catalogue.GEMM),
    GEMV(Catalogue.GEMV);

    final KernelSpec spec;

    MatrixKernel(KernelSpec spec) {
        this.spec = spec;
    }

    double flops(int m, int n, int k) {
        return this == GEMM ? spec.cost().flops(m, n, k) : spec.cost().flops(m, n, 1);
    }

    String label() {
        return spec.name();
    }
}
