package dev.pel.runtime.dispatch;

import dev.pel.runtime.DType;
import dev.pel.runtime.PelConfig;
import dev.pel.runtime.cpu.ScalarBackend;
import dev.pel.runtime.cpu.SimdBackend;
import dev.pel.runtime.spi.Backend;
import java.util.ArrayList;
import java.util.List;

/**
 * The first dispatch rule, a table of two thresholds (both overridable, see {@link PelConfig}):
 * <pre>
 *   n &lt; simdMinElements                      -> cpu-scalar
 *   bytes moved &lt; parallelMinBytes            -> cpu-simd, 1 thread
 *   otherwise                                  -> cpu-simd, all worker threads
 * </pre>
 * Where {@code cpu-simd} is not a candidate, {@code cpu-scalar} runs everything; other backends
 * are chosen only when forced until the cost model replaces this rule.
 */
public final class ThresholdDispatcher implements Dispatcher {
    private final long simdMinElements;
    private final long parallelMinBytes;
    // Reasons are built once: a decision must cost nanoseconds, not a string concatenation.
    private final String noSimd = "cpu-simd is not available";
    private final String small;
    private final String oneThread;
    private final String allThreads;

    public ThresholdDispatcher(PelConfig config) {
        this.simdMinElements = config.simdMinElements();
        this.parallelMinBytes = config.parallelMinBytes();
        this.small = "n < simdMinElements=" + simdMinElements;
        this.oneThread = "bytes moved < parallelMinBytes=" + parallelMinBytes;
        this.allThreads = "bytes moved >= parallelMinBytes=" + parallelMinBytes;
    }

    @Override
    public Decision decide(KernelSpec kernel, DType dtype, long n, List<Backend> candidates) {
        Backend simd = find(candidates, SimdBackend.NAME);
        Backend scalar = find(candidates, ScalarBackend.NAME);
        if (simd == null || (n < simdMinElements && scalar != null)) {
            Backend b = scalar != null ? scalar : candidates.getFirst();
            return new Decision(b, 1, simd == null ? noSimd : small);
        }
        long bytes = kernel.bytes(dtype, n);
        if (bytes < parallelMinBytes || simd.maxThreads() == 1) {
            return new Decision(simd, 1, oneThread);
        }
        return new Decision(simd, simd.maxThreads(), allThreads);
    }

    @Override
    public List<String> explain(KernelSpec kernel, DType dtype, long n, List<Backend> candidates) {
        List<String> lines = new ArrayList<>();
        lines.add("rule: n < " + simdMinElements + " -> cpu-scalar; bytes < " + parallelMinBytes
                + " -> cpu-simd x1; else cpu-simd x all threads");
        lines.add("kernel " + kernel.name() + " " + dtype.label() + " n=" + n + ": " + kernel.bytes(dtype, n) + " bytes, "
                + (long) kernel.flops(n) + " flops");
        for (Backend b : candidates) {
            lines.add("candidate " + b.name() + " (" + b.details() + ")");
        }
        return lines;
    }

    private static Backend find(List<Backend> candidates, String name) {
        for (Backend b : candidates) {
            if (b.name().equals(name)) {
                return b;
            }
        }
        return null;
    }
}
