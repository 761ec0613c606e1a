package dev.pel.kernels;

import dev.pel.kernels.cpu.ScalarSimulation;
import dev.pel.kernels.cpu.SimdSimulation;
import dev.pel.kernels.opencl.OpenClSimulation;
import dev.pel.kernels.spi.KernelFamily;
import dev.pel.kernels.spi.SimulationKernels;
import dev.pel.runtime.DType;
import dev.pel.runtime.cpu.ScalarBackend;
import dev.pel.runtime.cpu.SimdBackend;
import dev.pel.runtime.opencl.OpenClBackend;
import dev.pel.runtime.spi.Backend;

/** Maps each backend to its simulation kernels ({@link SimulationKernels}), for the {@link Simulation} facade. */
public final class SimulationKernelSets {
    /** The simulation kernels as a family: every CPU backend; OpenCL for f32, and for f64 where the device has cl_khr_fp64. */
    public static final KernelFamily<SimulationKernels> SIMULATION = new KernelFamily<>("simulation kernels") {
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
                return cl.name() + " (" + cl.info().name() + ") has no cl_khr_fp64: double simulation kernels are declined";
            }
            return super.whyNot(backend, dtype);
        }

        @Override
        protected SimulationKernels create(Backend backend) {
            return switch (backend) {
                case ScalarBackend s -> ScalarSimulation.INSTANCE;
                case SimdBackend simd -> new SimdSimulation(simd);
                case OpenClBackend cl -> new OpenClSimulation(cl);
                default -> throw new IllegalArgumentException("backend: no simulation kernels for " + backend.name());
            };
        }
    };

    private SimulationKernelSets() {
    }
}
