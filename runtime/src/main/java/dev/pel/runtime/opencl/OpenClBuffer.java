package dev.pel.runtime.opencl;

import static org.jocl.CL.clReleaseMemObject;

import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jocl.cl_mem;

/**
 * One device buffer, released deterministically by {@link #close()} (by its owner: a device copy
 * of an array, or the call that made a temporary one) and by a {@link Cleaner} if it is dropped.
 */
public final class OpenClBuffer implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create(r -> {
        Thread t = new Thread(r, "pel-opencl-buffer-cleaner");
        t.setDaemon(true);
        return t;
    });

    private final cl_mem mem;
    private final long bytes;
    private final boolean hostShared;
    private final Cleaner.Cleanable cleanable;
    private final OpenClBackend backend;

    OpenClBuffer(OpenClBackend backend, cl_mem mem, long bytes, boolean hostShared) {
        this.backend = backend;
        this.mem = mem;
        this.bytes = bytes;
        this.hostShared = hostShared;
        AtomicBoolean released = new AtomicBoolean();
        this.cleanable = CLEANER.register(this, () -> {
            if (released.compareAndSet(false, true)) {
                clReleaseMemObject(mem);
                backend.bufferReleased(bytes);
            }
        });
    }

    public cl_mem mem() {
        return mem;
    }

    public long bytes() {
        return bytes;
    }

    /** True for a zero-copy buffer over host memory ({@code CL_MEM_USE_HOST_PTR}). */
    public boolean hostShared() {
        return hostShared;
    }

    public OpenClBackend backend() {
        return backend;
    }

    @Override
    public void close() {
        cleanable.clean();
    }
}
