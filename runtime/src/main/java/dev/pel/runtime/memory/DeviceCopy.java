package dev.pel.runtime.memory;

import java.lang.foreign.MemorySegment;

/**
 * A copy of an owner array's whole memory on a device (an OpenCL buffer), created and driven by
 * the device's backend through {@link NativeArray#deviceCopy}. The array decides when data moves;
 * the copy only knows how.
 */
public interface DeviceCopy {

    /** The backend or device holding the copy: only one device holds an array at a time. */
    Object device();

    /** Copies the host memory to the device (whole owner array). */
    void upload(MemorySegment host);

    /** Copies the device memory back to the host (whole owner array). */
    void download(MemorySegment host);

    /** Frees the device memory. Idempotent. */
    void release();
}
