package dev.pel.kernels;

import dev.pel.kernels.cpu.ScalarLinalgKernelSet;
import dev.pel.kernels.cpu.SimdLinalgKernelSet;
import dev.pel.kernels.opencl.OpenClLinalgKernelSet;
import dev.pel.kernels.spi.KernelFamily;
import dev.pel.kernels.spi.LinalgKernelSet;

/** The dense linear algebra kernels ({@link LinalgKernelSet}) as a family: which backends implement them. */
public final class LinalgKernels {
    /** gemm, gemv, ger and syrk on cpu-scalar, cpu-simd and OpenCL (double only where the device has cl_khr_fp64). */
    public static final KernelFamily<LinalgKernelSet> FAMILY = KernelFamily.onEveryBackend("dense linear algebra kernels",
            ScalarLinalgKernelSet.INSTANCE, SimdLinalgKernelSet::new, OpenClLinalgKernelSet::new);

    private LinalgKernels() {
    }
}
