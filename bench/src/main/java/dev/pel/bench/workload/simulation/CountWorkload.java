package dev.pel.bench.workload.simulation;

import dev.pel.runtime.DType;
import dev.pel.runtime.dispatch.KernelSpec;

/** A kernel whose problem is a count (n words, numbers, samples or options): shape {n}, extents (n). */
abstract sealed class CountWorkload extends SimulationWorkload
        permits PhiloxBitsWorkload, UniformWorkload, NormalWorkload, MonteCarloPiWorkload, BlackScholesWorkload {
    CountWorkload(String name, KernelSpec spec) {
        super(name, spec);
    }

    @Override
    public final int[] shape(long n) {
        return new int[] {count(n)};
    }

    @Override
    public final long[] extentsOf(int[] shape) {
        requireShape(name(), shape, 1);
        return new long[] {shape[0], 1, 1};
    }

    @Override
    public final Instance prepare(DType dtype, int[] shape, long seed) {
        requireShape(name(), shape, 1);
        return create(dtype, shape, seed);
    }

    abstract Instance create(DType dtype, int[] shape, long seed);
}
