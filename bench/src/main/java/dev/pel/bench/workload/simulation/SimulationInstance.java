package dev.pel.bench.workload.simulation;

import dev.pel.bench.workload.Workload;
import dev.pel.runtime.DType;

/** What every simulation workload's operands know: the point (type, shape, seed), for messages. */
abstract class SimulationInstance implements Workload.Instance {
    final SimulationWorkload workload;
    final DType dtype;
    final int[] shape;
    final long seed;
    final boolean f32;

    SimulationInstance(SimulationWorkload workload, DType dtype, int[] shape, long seed) {
        this.workload = workload;
        this.dtype = dtype;
        this.shape = shape.clone();
        this.seed = seed;
        this.f32 = dtype == DType.F32;
    }

    /** A collector of the worst mismatch, its message naming who ran and this point. */
    SimulationWorkload.Worst check(String who) {
        return new SimulationWorkload.Worst(workload.prefix(who, dtype, shape, seed));
    }
}
