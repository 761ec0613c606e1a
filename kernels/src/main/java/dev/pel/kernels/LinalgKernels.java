package dev.pel.kernels;

import dev.pel.kernels.cpu.ScalarLinalgKernelSet;
import dev.pel.kernels.cpu.SimdLinalgKernelSet;
import dev.pel.kernels.opencl.OpenClLinalgKernelSet;
import dev.pel.kernels.spi.KernelFamily;
import dev.pel.kernels.spi.LinalgKernelSet;
import dev.pel.runtime.DType;
import dev.pel.runtime.cpu.ScalarBackend;
import dev.pel.runtime.cpu.SimdBackend;
import dev.pel.runtime.opencl.OpenClBackend;
import dev.pel.runtime.spi.Backend;

/** The dense linear algebra kernels ({@link LinalgKernelSet}) as a family: which backends implement them. */
public final class LinalgKernels {
    /** gemm, gemv, ger and syrk on cpu-scalar, cpu-simd and OpenCL (double only where the device has cl_khr_fp64). */
    public static final KernelFamily<LinalgKernelSet> FAMILY = new KernelFamily<>("dense linear algebra kernels") {
        @Override
        public boolean supports(Backend backend, DType dtype) {
            if (backend instanceof ScalarBackend || backend instanceof SimdBackend) {
                return true;
            }
            if (backend instanceof OpenClBackend cl) {
                return dtype == DType.F32 || cl.info().fp64();
            }
            return false;
        }

        @Override
        public String whyNot(Backend backend, DType dtype) {
            if (!supports(backend, dtype) && backend instanceof OpenClBackend cl) {
                return cl.name() + " (" + cl.info().name() + ") has no cl_khr_fp64: double kernels are declined";
            }
            return super.whyNot(backend, dtype);
        }

        @Override
        protected LinalgKernelSet create(Backend backend) {
            return switch (backend) {
                case ScalarBackend s -> ScalarLinalgKernelSet.INSTANCE;
                case SimdBackend simd -> new SimdLinalgKernelSet(simd);
                case OpenClBackend cl -> new OpenClLinalgKernelSet(cl);
                default -> throw new IllegalArgumentException("backend: no dense linear algebra kernels for " + backend.name());
            };
        }
    };

    private LinalgKernels() {
    }
}
