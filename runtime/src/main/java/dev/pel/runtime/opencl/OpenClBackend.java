package dev.pel.runtime.opencl;

import static org.jocl.CL.CL_CONTEXT_PLATFORM;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_MEM_USE_HOST_PTR;
import static org.jocl.CL.CL_PROGRAM_BINARIES;
import static org.jocl.CL.CL_PROGRAM_BINARY_SIZES;
import static org.jocl.CL.CL_PROGRAM_BUILD_LOG;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clBuildProgram;
import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clCreateCommandQueue;
import static org.jocl.CL.clCreateContext;
import static org.jocl.CL.clCreateProgramWithBinary;
import static org.jocl.CL.clCreateProgramWithSource;
import static org.jocl.CL.clEnqueueMapBuffer;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clEnqueueUnmapMemObject;
import static org.jocl.CL.clEnqueueWriteBuffer;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clGetKernelWorkGroupInfo;
import static org.jocl.CL.clGetProgramBuildInfo;
import static org.jocl.CL.clGetProgramInfo;
import static org.jocl.CL.clReleaseCommandQueue;
import static org.jocl.CL.clReleaseContext;
import static org.jocl.CL.clReleaseProgram;

import dev.pel.runtime.memory.DeviceCopy;
import dev.pel.runtime.memory.NativeArray;
import dev.pel.runtime.spi.Backend;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_platform_id;
import org.jocl.cl_program;

/**
 * One OpenCL device as a Pel backend. The context and its in-order command queue are created on
 * first use (probing only reads device properties); programs are built once per (source, options)
 * and kept on disk; buffers are released by their owners, and everything when the backend closes.
 *
 * <p>Thread-safety: the queue is shared (OpenCL queues are thread-safe since 1.1); kernel objects
 * are borrowed per launch (see {@link OpenClProgram}); each call ends with {@code clFinish}, so a
 * call's results are complete when it returns.
 */
public final class OpenClBackend implements Backend {
    private static final System.Logger LOG = System.getLogger("dev.pel.runtime.opencl");

    private final String name;
    private volatile List<String> aliases = List.of();
    private volatile String warning;
    private final cl_platform_id platform;
    private final cl_device_id device;
    private final OpenClDeviceInfo info;
    private final ProgramCache cache;
    private final Map<String, OpenClProgram> programs = new ConcurrentHashMap<>();
    /** Owners with a copy here, so closing the backend can bring their data home first. */
    private final Map<NativeArray, Boolean> residents = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());
    /** Released call temporaries kept for reuse, by power-of-two size class (allocation dominated small calls). */
    private final Map<Integer, java.util.concurrent.ConcurrentLinkedDeque<OpenClBuffer>> pool = new ConcurrentHashMap<>();
    private final AtomicLong pooledBuffers = new AtomicLong();
    private final AtomicLong pooledBytes = new AtomicLong();
    private final AtomicLong liveBuffers = new AtomicLong();
    private final AtomicLong liveBytes = new AtomicLong();
    private final AtomicLong builds = new AtomicLong();
    private final AtomicLong diskHits = new AtomicLong();
    private volatile cl_context context;
    private volatile cl_command_queue queue;
    private volatile boolean closed;
    private volatile boolean reproducible;

    OpenClBackend(String name, cl_platform_id platform, cl_device_id device, OpenClDeviceInfo info, Path cacheRoot) {
        this.name = name;
        this.platform = platform;
        this.device = device;
        this.info = info;
        this.cache = new ProgramCache(cacheRoot);
    }

    static OpenClDeviceInfo describe(cl_platform_id platform, cl_device_id d) {
        long type = Cl.deviceLong(d, CL.CL_DEVICE_TYPE);
        String extensions = Cl.deviceString(d, CL.CL_DEVICE_EXTENSIONS);
        return new OpenClDeviceInfo(
                Cl.platformString(platform, CL.CL_PLATFORM_NAME) + " " + Cl.platformString(platform, CL.CL_PLATFORM_VERSION),
                Cl.deviceString(d, CL.CL_DEVICE_NAME), Cl.deviceString(d, CL.CL_DEVICE_VENDOR), typeName(type),
                Cl.deviceInt(d, CL.CL_DEVICE_MAX_COMPUTE_UNITS), Cl.deviceInt(d, CL.CL_DEVICE_MAX_CLOCK_FREQUENCY),
                Cl.deviceLong(d, CL.CL_DEVICE_GLOBAL_MEM_SIZE), Cl.deviceLong(d, CL.CL_DEVICE_LOCAL_MEM_SIZE),
                Cl.deviceLong(d, CL.CL_DEVICE_MAX_MEM_ALLOC_SIZE), Cl.deviceSize(d, CL.CL_DEVICE_MAX_WORK_GROUP_SIZE),
                extensions.contains("cl_khr_fp64") || extensions.contains("cl_amd_fp64"),
                Cl.deviceInt(d, CL.CL_DEVICE_HOST_UNIFIED_MEMORY) != 0 || (type & CL.CL_DEVICE_TYPE_CPU) != 0,
                Cl.deviceString(d, CL.CL_DRIVER_VERSION), Cl.deviceString(d, CL.CL_DEVICE_VERSION),
                (Cl.deviceLong(d, CL.CL_DEVICE_SINGLE_FP_CONFIG) & CL.CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT) != 0);
    }

    private static String typeName(long type) {
        if ((type & CL.CL_DEVICE_TYPE_GPU) != 0) {
            return "GPU";
        }
        if ((type & CL.CL_DEVICE_TYPE_CPU) != 0) {
            return "CPU";
        }
        if ((type & CL.CL_DEVICE_TYPE_ACCELERATOR) != 0) {
            return "ACCELERATOR";
        }
        return "OTHER";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }

    void setAliases(List<String> aliases) {
        this.aliases = List.copyOf(aliases);
    }

    public OpenClDeviceInfo info() {
        return info;
    }

    /** Whether reductions must follow the CPU's summation order exactly ({@code pel.reproducible}). */
    public boolean reproducible() {
        return reproducible;
    }

    void setReproducible(boolean reproducible) {
        this.reproducible = reproducible;
    }

    /** Host threads per call: the device parallelises internally. */
    @Override
    public int maxThreads() {
        return 1;
    }

    @Override
    public boolean host() {
        return false;
    }

    @Override
    public boolean sharesHostMemory() {
        return info.hostUnifiedMemory();
    }

    @Override
    public String identity() {
        return String.join(" | ", info.platform(), info.name(), info.vendor(), info.type(), info.computeUnits() + " CUs",
                info.clockMHz() + " MHz", "fp64 " + info.fp64(), "unified " + info.hostUnifiedMemory(), info.driverVersion(),
                info.deviceVersion());
    }

    @Override
    public String details() {
        String w = warning;
        return w == null ? info.describe() : info.describe() + "; WARNING: " + w;
    }

    /** A risk in how this process runs the device, shown with its details ({@code pel devices}); null for none. */
    void setWarning(String warning) {
        this.warning = warning;
    }

    /** Programs built from source since start (a disk cache hit is not a build). */
    public long programBuilds() {
        return builds.get();
    }

    /** Programs loaded from the disk cache since start. */
    public long programCacheHits() {
        return diskHits.get();
    }

    /** Idle temporaries held for reuse (not counted in {@link #liveBuffers()}). */
    public long pooledBuffers() {
        return pooledBuffers.get();
    }

    /**
     * A temporary buffer of at least {@code bytes} for one call, from the pool when one of its size
     * class is idle; give it back with {@link #giveBack} (not {@code close}) when the call is done.
     */
    public OpenClBuffer borrow(long bytes) {
        int cls = sizeClass(bytes);
        long size = 1L << cls;
        if (size > info.maxAllocBytes()) {
            return allocate(bytes); // too large to round up: not pooled, giveBack closes it
        }
        var idle = pool.get(cls);
        OpenClBuffer b = idle == null ? null : idle.pollFirst();
        if (b != null) {
            pooledBuffers.decrementAndGet();
            pooledBytes.addAndGet(-b.bytes());
            liveBuffers.incrementAndGet();
            liveBytes.addAndGet(b.bytes());
            return b;
        }
        return allocate(size);
    }

    /** Returns a borrowed buffer to the pool, or frees it when the pool is full, it is odd-sized, or the backend closed. */
    public void giveBack(OpenClBuffer b) {
        long size = b.bytes();
        boolean pooled = !closed && Long.bitCount(size) == 1 && pooledBytes.get() + size <= poolLimit();
        if (!pooled) {
            b.close();
            return;
        }
        liveBuffers.decrementAndGet();
        liveBytes.addAndGet(-size);
        pooledBuffers.incrementAndGet();
        pooledBytes.addAndGet(size);
        pool.computeIfAbsent(Long.numberOfTrailingZeros(size), k -> new java.util.concurrent.ConcurrentLinkedDeque<>()).addFirst(b);
    }

    /** At most 1/16 of the device's memory, and 256 MiB, sits idle in the pool. */
    private long poolLimit() {
        return Math.min(256L << 20, info.globalMemBytes() / 16);
    }

    private static int sizeClass(long bytes) {
        long b = Math.max(64, bytes);
        return 64 - Long.numberOfLeadingZeros(b - 1);
    }

    /** Device buffers currently allocated through this backend and in use (pooled ones excluded), and their bytes. */
    public long liveBuffers() {
        return liveBuffers.get();
    }

    public long liveBytes() {
        return liveBytes.get();
    }

    public Path programCacheDir() {
        return cache.dir();
    }

    private void open() {
        if (queue != null) {
            return;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException(name + ": backend is closed");
            }
            if (queue != null) {
                return;
            }
            cl_context_properties props = new cl_context_properties();
            props.addProperty(CL_CONTEXT_PLATFORM, platform);
            int[] err = new int[1];
            cl_context ctx = clCreateContext(props, 1, new cl_device_id[] {device}, null, null, err);
            OpenClException.check(err[0], "clCreateContext", "device " + info.name());
            // The 1.x entry point works on every version; the 2.0 one is missing on 1.2 drivers.
            @SuppressWarnings("deprecation")
            cl_command_queue q = clCreateCommandQueue(ctx, device, 0, err);
            if (err[0] != CL.CL_SUCCESS) {
                clReleaseContext(ctx);
                OpenClException.check(err[0], "clCreateCommandQueue", "device " + info.name());
            }
            context = ctx;
            queue = q;
        }
    }

    /**
     * The program built from {@code source} with {@code options} for this device, from memory, from
     * the disk cache, or compiled (and then cached).
     *
     * @throws OpenClException.BuildFailed with the compiler's log when the source does not build
     */
    public OpenClProgram program(String source, String options) {
        open();
        String key = ProgramCache.sha256(info.platform(), info.name(), info.driverVersion(), info.deviceVersion(), options, source);
        return programs.computeIfAbsent(key, k -> build(k, source, options));
    }

    private OpenClProgram build(String key, String source, String options) {
        var cached = cache.load(key);
        if (cached.isPresent()) {
            byte[] binary = cached.get();
            int[] err = new int[1];
            int[] binaryStatus = new int[1];
            cl_program p = clCreateProgramWithBinary(context, 1, new cl_device_id[] {device}, new long[] {binary.length},
                    new byte[][] {binary}, binaryStatus, err);
            if (err[0] == CL.CL_SUCCESS && binaryStatus[0] == CL.CL_SUCCESS
                    && clBuildProgram(p, 1, new cl_device_id[] {device}, options, null, null) == CL.CL_SUCCESS) {
                diskHits.incrementAndGet();
                return new OpenClProgram(p, true);
            }
            if (err[0] == CL.CL_SUCCESS) {
                clReleaseProgram(p);
            }
            cache.discard(cache.file(key), "the driver rejected the binary (" + OpenClException.statusName(err[0]) + ")");
        }
        int[] err = new int[1];
        // Null lengths: the strings are read to their end, so non-ASCII text (a comment) cannot truncate them.
        cl_program p = clCreateProgramWithSource(context, 1, new String[] {source}, null, err);
        OpenClException.check(err[0], "clCreateProgramWithSource", "");
        int status = clBuildProgram(p, 1, new cl_device_id[] {device}, options, null, null);
        if (status != CL.CL_SUCCESS) {
            String log = buildLog(p);
            clReleaseProgram(p);
            throw new OpenClException.BuildFailed(status, "device " + info.name() + ", options '" + options + "'", log);
        }
        builds.incrementAndGet();
        cache.store(key, binary(p));
        return new OpenClProgram(p, false);
    }

    private String buildLog(cl_program p) {
        long[] size = new long[1];
        clGetProgramBuildInfo(p, device, CL_PROGRAM_BUILD_LOG, 0, null, size);
        byte[] buf = new byte[(int) Math.max(1, size[0])];
        clGetProgramBuildInfo(p, device, CL_PROGRAM_BUILD_LOG, buf.length, Pointer.to(buf), null);
        return new String(buf, 0, Math.max(0, buf.length - 1), java.nio.charset.StandardCharsets.UTF_8).trim();
    }

    private static byte[] binary(cl_program p) {
        long[] sizes = new long[1];
        OpenClException.check(clGetProgramInfo(p, CL_PROGRAM_BINARY_SIZES, Sizeof.size_t, Pointer.to(sizes), null),
                "clGetProgramInfo", "CL_PROGRAM_BINARY_SIZES");
        byte[] bin = new byte[(int) sizes[0]];
        Pointer binPtr = Pointer.to(bin);
        OpenClException.check(clGetProgramInfo(p, CL_PROGRAM_BINARIES, Sizeof.POINTER, Pointer.to(binPtr), null),
                "clGetProgramInfo", "CL_PROGRAM_BINARIES");
        return bin;
    }

    /** Largest power-of-two work-group size for {@code kernel}, at most {@code cap}. */
    public int workGroupSize(OpenClProgram program, String kernel, int cap) {
        cl_kernel k = program.borrow(kernel);
        try {
            long[] v = new long[1];
            OpenClException.check(clGetKernelWorkGroupInfo(k, device, CL.CL_KERNEL_WORK_GROUP_SIZE, Sizeof.size_t, Pointer.to(v),
                    null), "clGetKernelWorkGroupInfo", "kernel " + kernel);
            long max = Math.min(Math.min(v[0], info.maxWorkGroupSize()), cap);
            return Integer.highestOneBit((int) Math.max(1, max));
        } finally {
            program.giveBack(kernel, k);
        }
    }

    /**
     * A device buffer of {@code bytes} (at least one byte is allocated: OpenCL has no empty buffers).
     *
     * @throws OpenClException.OutOfResources when it exceeds the device's max allocation
     */
    public OpenClBuffer allocate(long bytes) {
        open();
        long size = Math.max(1, bytes);
        if (size > info.maxAllocBytes()) {
            throw new OpenClException.OutOfResources("clCreateBuffer", CL.CL_INVALID_BUFFER_SIZE, bytes + " bytes exceed the"
                    + " device's maximum allocation of " + info.maxAllocBytes() + " bytes (CL_DEVICE_MAX_MEM_ALLOC_SIZE)");
        }
        int[] err = new int[1];
        cl_mem mem = clCreateBuffer(context, CL_MEM_READ_WRITE, size, null, err);
        OpenClException.check(err[0], "clCreateBuffer", size + " bytes on " + info.name());
        return track(mem, size, false);
    }

    /** A zero-copy buffer over host memory (for devices that share it), over the whole segment. */
    public OpenClBuffer wrap(MemorySegment host) {
        open();
        long size = host.byteSize();
        if (size == 0 || size > info.maxAllocBytes() || size > Integer.MAX_VALUE) {
            return null; // not wrappable: the caller copies instead
        }
        int[] err = new int[1];
        cl_mem mem = clCreateBuffer(context, CL_MEM_READ_WRITE | CL_MEM_USE_HOST_PTR, size, Pointer.to(host.asByteBuffer()), err);
        if (err[0] != CL.CL_SUCCESS) {
            LOG.log(System.Logger.Level.DEBUG, "zero-copy buffer refused ({0}); copying instead", OpenClException.statusName(err[0]));
            return null;
        }
        return track(mem, size, true);
    }

    private OpenClBuffer track(cl_mem mem, long size, boolean shared) {
        liveBuffers.incrementAndGet();
        liveBytes.addAndGet(size);
        return new OpenClBuffer(this, mem, size, shared);
    }

    void bufferReleased(long bytes) {
        liveBuffers.decrementAndGet();
        liveBytes.addAndGet(-bytes);
    }

    /** Blocking write of host bytes to {@code buffer} at {@code offset}. */
    public void write(OpenClBuffer buffer, long offset, Pointer host, long bytes) {
        if (bytes == 0) {
            return;
        }
        OpenClException.check(clEnqueueWriteBuffer(queue, buffer.mem(), CL_TRUE, offset, bytes, host, 0, null, null),
                "clEnqueueWriteBuffer", bytes + " bytes at offset " + offset);
    }

    /** Blocking read of {@code bytes} from {@code buffer} at {@code offset} into host memory. */
    public void read(OpenClBuffer buffer, long offset, Pointer host, long bytes) {
        if (bytes == 0) {
            return;
        }
        OpenClException.check(clEnqueueReadBuffer(queue, buffer.mem(), CL_TRUE, offset, bytes, host, 0, null, null),
                "clEnqueueReadBuffer", bytes + " bytes at offset " + offset);
    }

    /** Pointer to a native segment, for reads and writes (segments over 2 GiB are not supported here). */
    public static Pointer pointer(MemorySegment segment) {
        ByteBuffer bb = segment.asByteBuffer();
        return Pointer.to(bb);
    }

    /**
     * Sets the arguments and enqueues a 1-D launch. Arguments: {@link OpenClBuffer}, {@link Integer},
     * {@link Long}, {@link Float}, {@link Double}, or {@link LocalMemory}.
     */
    public void launch(OpenClProgram program, String kernel, long global, long local, Object... args) {
        cl_kernel k = program.borrow(kernel);
        try {
            for (int i = 0; i < args.length; i++) {
                int status = switch (args[i]) {
                    case OpenClBuffer b -> CL.clSetKernelArg(k, i, Sizeof.cl_mem, Pointer.to(b.mem()));
                    case Integer v -> CL.clSetKernelArg(k, i, Sizeof.cl_int, Pointer.to(new int[] {v}));
                    case Long v -> CL.clSetKernelArg(k, i, Sizeof.cl_long, Pointer.to(new long[] {v}));
                    case Float v -> CL.clSetKernelArg(k, i, Sizeof.cl_float, Pointer.to(new float[] {v}));
                    case Double v -> CL.clSetKernelArg(k, i, Sizeof.cl_double, Pointer.to(new double[] {v}));
                    case LocalMemory m -> CL.clSetKernelArg(k, i, m.bytes(), null);
                    default -> throw new IllegalArgumentException("args[" + i + "]: unsupported kernel argument " + args[i]);
                };
                OpenClException.check(status, "clSetKernelArg", "kernel " + kernel + ", argument " + i);
            }
            OpenClException.check(clEnqueueNDRangeKernel(queue, k, 1, null, new long[] {global},
                    local > 0 ? new long[] {local} : null, 0, null, null), "clEnqueueNDRangeKernel",
                    "kernel " + kernel + ", global " + global + ", local " + local);
        } finally {
            program.giveBack(kernel, k);
        }
    }

    /** Local memory of {@code bytes} per work-group, as a kernel argument. */
    public record LocalMemory(long bytes) {
    }

    /** Waits for everything enqueued so far. */
    public void finish() {
        OpenClException.check(clFinish(queue), "clFinish", "device " + info.name());
    }

    /**
     * The buffer holding {@code array}'s owner on this device, made valid for a read, or for a
     * write when {@code write} (then the host copy is stale until something reads it on the host).
     * Where the device shares host memory the buffer wraps the array's own memory: no copies.
     */
    public OpenClBuffer resident(NativeArray array, boolean write) {
        open();
        OpenClBuffer b = array.deviceCopy(this, whole -> new ArrayCopy(whole), write).buffer;
        residents.put(array.owner(), Boolean.TRUE);
        return b;
    }

    /** An array's copy on this device: a zero-copy wrap where memory is shared, else a buffer and copies. */
    private final class ArrayCopy implements DeviceCopy {
        private final OpenClBuffer buffer;

        ArrayCopy(MemorySegment whole) {
            OpenClBuffer b = info.hostUnifiedMemory() ? wrap(whole) : null;
            this.buffer = b != null ? b : allocate(whole.byteSize());
        }

        @Override
        public Object device() {
            return OpenClBackend.this;
        }

        @Override
        public void upload(MemorySegment host) {
            if (buffer.hostShared()) {
                // Map and unmap publish host writes to the device without a copy (the OpenCL zero-copy protocol).
                sync(CL.CL_MAP_WRITE_INVALIDATE_REGION, host.byteSize());
            } else {
                write(buffer, 0, pointer(host), host.byteSize());
            }
        }

        @Override
        public void download(MemorySegment host) {
            if (buffer.hostShared()) {
                sync(CL.CL_MAP_READ, host.byteSize());
            } else {
                read(buffer, 0, pointer(host), host.byteSize());
            }
        }

        private void sync(long flags, long bytes) {
            if (bytes == 0) {
                return;
            }
            int[] err = new int[1];
            ByteBuffer mapped = clEnqueueMapBuffer(queue, buffer.mem(), CL_TRUE, flags, 0, bytes, 0, null, null, err);
            OpenClException.check(err[0], "clEnqueueMapBuffer", bytes + " bytes");
            OpenClException.check(clEnqueueUnmapMemObject(queue, buffer.mem(), mapped, 0, null, null), "clEnqueueUnmapMemObject",
                    bytes + " bytes");
            finish();
        }

        @Override
        public void release() {
            buffer.close();
        }
    }

    /**
     * Brings every array resident here back to the host (nothing is lost), then releases their
     * buffers, the programs, the queue and the context.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        List<NativeArray> arrays;
        synchronized (residents) {
            arrays = List.copyOf(residents.keySet());
            residents.clear();
        }
        for (NativeArray a : arrays) {
            a.evict(this);
        }
        closed = true;
        programs.values().forEach(OpenClProgram::close);
        programs.clear();
        for (var idle : pool.values()) {
            for (OpenClBuffer b = idle.pollFirst(); b != null; b = idle.pollFirst()) {
                pooledBuffers.decrementAndGet();
                pooledBytes.addAndGet(-b.bytes());
                liveBuffers.incrementAndGet(); // the cleaner's release counts it down
                liveBytes.addAndGet(b.bytes());
                b.close();
            }
        }
        if (queue != null) {
            clFinish(queue);
            clReleaseCommandQueue(queue);
            clReleaseContext(context);
            queue = null;
            context = null;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
