package dev.pel.runtime.opencl;

import static org.jocl.CL.clCreateKernel;
import static org.jocl.CL.clReleaseKernel;
import static org.jocl.CL.clReleaseProgram;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jocl.cl_kernel;
import org.jocl.cl_program;

/**
 * A built program and pools of its kernel objects. A {@code cl_kernel} holds its arguments, so
 * two threads must never set arguments on the same one: each launch borrows a kernel object
 * from the pool and returns it once enqueued (the arguments are captured at enqueue).
 */
public final class OpenClProgram implements AutoCloseable {
    private final cl_program program;
    private final boolean fromDiskCache;
    private final Map<String, Queue<cl_kernel>> pools = new ConcurrentHashMap<>();
    private final Queue<cl_kernel> all = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    OpenClProgram(cl_program program, boolean fromDiskCache) {
        this.program = program;
        this.fromDiskCache = fromDiskCache;
    }

    /** True when the binary came from the disk cache rather than a compile. */
    public boolean fromDiskCache() {
        return fromDiskCache;
    }

    cl_kernel borrow(String name) {
        if (closed) {
            throw new IllegalStateException("program is closed");
        }
        cl_kernel k = pools.computeIfAbsent(name, n -> new ConcurrentLinkedQueue<>()).poll();
        if (k != null) {
            return k;
        }
        int[] err = new int[1];
        k = clCreateKernel(program, name, err);
        OpenClException.check(err[0], "clCreateKernel", "kernel " + name);
        all.add(k);
        return k;
    }

    void giveBack(String name, cl_kernel k) {
        pools.get(name).add(k);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (cl_kernel k : all) {
            clReleaseKernel(k);
        }
        all.clear();
        pools.clear();
        clReleaseProgram(program);
    }
}
