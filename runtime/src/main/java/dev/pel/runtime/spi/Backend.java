package dev.pel.runtime.spi;

/**
 * A place kernels run: the CPU scalar reference, the Vector API on worker threads, an OpenCL device.
 * A backend owns its native resources (threads, queues, caches) and releases them on {@link #close()}.
 * It knows no particular kernel: the kernels module maps each backend to its implementations.
 */
public interface Backend extends AutoCloseable {

    /** Stable name used by {@code pel.backend} and in reports, e.g. {@code cpu-simd}. */
    String name();

    /** Other names that resolve to this backend, e.g. {@code opencl} for the best OpenCL device. */
    default java.util.List<String> aliases() {
        return java.util.List.of();
    }

    /** The most threads a single call may use on this backend. */
    int maxThreads();

    /**
     * True when kernels run on the host CPU and read host memory directly; false for a device, which
     * needs heap arrays copied to it.
     */
    default boolean host() {
        return true;
    }

    /**
     * True when off-heap host memory is readable in place (the host itself, an integrated GPU, a CPU
     * OpenCL device): such operands cost no copy. Java heap arrays are copied to any device.
     */
    default boolean sharesHostMemory() {
        return host();
    }

    /** One line of details for {@code pel devices}: lanes, threads, device properties. */
    String details();

    /**
     * What identifies this backend's performance across processes (the persisted cost model is keyed
     * by it): the details without anything that varies from run to run, such as free memory.
     */
    default String identity() {
        return details();
    }

    /** Releases the backend's resources; idempotent. */
    @Override
    void close();
}
