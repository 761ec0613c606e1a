package dev.pel.bench.workload;

/**
 * One call of a kernel bound to its operands, as a Pel backend or a peer library makes it.
 * Reductions return their result; kernels that write an array return 0 (the output stays in the
 * operands, where {@link BenchKernel#verify} reads it).
 */
@FunctionalInterface
public interface KernelCall {
    double call();
}
