package dev.pel.kernels;

import dev.pel.kernels.cpu.ScalarSimulation;
import dev.pel.kernels.cpu.SimdSimulation;
import dev.pel.kernels.opencl.OpenClSimulation;
import dev.pel.kernels.spi.KernelFamily;
import dev.pel.kernels.spi.SimulationKernels;

/** Maps each backend to its simulation kernels ({@link SimulationKernels}), for the {@link Simulation} facade. */
public final class SimulationKernelSets {
    /** The simulation kernels as a family: every CPU backend; OpenCL for f32, and for f64 where the device has cl_khr_fp64. */
    public static final KernelFamily<SimulationKernels> SIMULATION = KernelFamily.onEveryBackend("simulation kernels",
            ScalarSimulation.INSTANCE, SimdSimulation::new, OpenClSimulation::new);

    private SimulationKernelSets() {
    }
}
