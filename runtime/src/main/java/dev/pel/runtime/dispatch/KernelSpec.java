package dev.pel.runtime.dispatch;

import dev.pel.runtime.DType;
import java.util.Objects;

/**
 * What the dispatcher knows of a kernel: its name and its work and traffic per element, declared
 * once by the kernel catalogue. {@code streams} counts the arrays read or written per element
 * (axpy reads x and y and writes y: 3).
 *
 * @param name             kernel name, e.g. {@code axpy}
 * @param flopsPerElement  floating-point operations per element
 * @param streams          arrays moved per element (reads plus writes)
 */
public record KernelSpec(String name, double flopsPerElement, int streams) {
    public KernelSpec {
        Objects.requireNonNull(name, "name");
        if (flopsPerElement < 0 || streams < 0) {
            throw new IllegalArgumentException("flopsPerElement and streams must be >= 0: " + flopsPerElement + ", " + streams);
        }
    }

    public double flops(long n) {
        return flopsPerElement * n;
    }

    /** Bytes moved for n elements of the given type. */
    public long bytes(DType dtype, long n) {
        return (long) streams * dtype.bytes() * n;
    }
}
