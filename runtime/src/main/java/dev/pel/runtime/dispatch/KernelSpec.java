package dev.pel.runtime.dispatch;

import dev.pel.runtime.DType;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the dispatcher knows of a kernel: its name and the work and memory traffic of a call as
 * functions of the call's shape, declared once by the kernel catalogue. A vector kernel's shape is
 * its length n; a matrix kernel's is up to three extents (gemm: m, n, k).
 *
 * <p>Each spec gets a small dense {@link #id()} at construction, so the dispatcher keeps its per-kernel
 * state in arrays rather than hash maps; specs are meant to be constants.
 */
public final class KernelSpec {
    private static final AtomicInteger IDS = new AtomicInteger();

    private final String name;
    private final Cost cost;
    private final int id;
    private final int streams; // a per-element kernel's arrays moved per element, else -1

    /** Flops and bytes moved by one call, as functions of its extents (unused extents are 1). */
    public interface Cost {
        double flops(long d0, long d1, long d2);

        /** Bytes read plus bytes written, for elements of {@code elementBytes} bytes. */
        double bytes(int elementBytes, long d0, long d1, long d2);
    }

    /**
     * Per-element cost of a vector kernel: {@code streams} counts the arrays read or written per
     * element (axpy reads x and y and writes y: 3).
     */
    public record PerElement(double flopsPerElement, int streams) implements Cost {
        public PerElement {
            if (!(flopsPerElement >= 0) || streams < 0) {
                throw new IllegalArgumentException("flopsPerElement and streams must be >= 0: " + flopsPerElement + ", " + streams);
            }
        }

        @Override
        public double flops(long d0, long d1, long d2) {
            return flopsPerElement * d0 * d1 * d2;
        }

        @Override
        public double bytes(int elementBytes, long d0, long d1, long d2) {
            return (double) streams * elementBytes * d0 * d1 * d2;
        }
    }

    /**
     * @param name kernel name, e.g. {@code axpy}
     * @param cost flops and bytes of a call of a given shape
     */
    public KernelSpec(String name, Cost cost) {
        this.name = Objects.requireNonNull(name, "name");
        this.cost = Objects.requireNonNull(cost, "cost");
        this.id = IDS.getAndIncrement();
        this.streams = cost instanceof PerElement p ? p.streams() : -1;
    }

    /** A vector kernel with a fixed cost per element. */
    public KernelSpec(String name, double flopsPerElement, int streams) {
        this(name, new PerElement(flopsPerElement, streams));
    }

    public String name() {
        return name;
    }

    public Cost cost() {
        return cost;
    }

    /** Dense identity of this spec within the process (0, 1, 2, ... in order of construction). */
    public int id() {
        return id;
    }

    public double flops(long n) {
        return cost.flops(n, 1, 1);
    }

    /**
     * Bytes moved by a call of these extents, as a whole number (for size classes): integer
     * arithmetic for per-element kernels, which the dispatcher's hot path meets most.
     */
    public long bytes(int elementBytes, long d0, long d1, long d2) {
        return streams >= 0 ? (long) streams * elementBytes * d0 * d1 * d2 : (long) cost.bytes(elementBytes, d0, d1, d2);
    }

    /** Bytes moved by a vector call of n elements of the given type. */
    public long bytes(DType dtype, long n) {
        return (long) cost.bytes(dtype.bytes(), n, 1, 1);
    }

    @Override
    public String toString() {
        return name;
    }
}
