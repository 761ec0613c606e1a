package dev.pel.runtime.memory;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.util.function.Function;

/**
 * Off-heap, 64-byte-aligned array memory shared by {@link FloatArray} and {@link DoubleArray}.
 * An owner allocates and frees its memory ({@link #close()}, with a {@link Cleaner} as the safety
 * net when one is dropped unclosed); a view ({@link FloatArray#view}) is a window on its owner's
 * memory that copies nothing, is closed when the owner is, and does not free anything itself.
 */
public abstract sealed class NativeArray implements AutoCloseable permits FloatArray, DoubleArray {
    /** Alignment of every allocation: a cache line, and the widest vector register. */
    public static final long ALIGNMENT = 64;

    private static final Cleaner CLEANER = Cleaner.create(r -> {
        Thread t = new Thread(r, "pel-native-array-cleaner");
        t.setDaemon(true);
        return t;
    });

    private final MemorySegment segment;
    private final long length;
    private final Cleaner.Cleanable cleanable; // null for views
    private final NativeArray owner;
    private final long offsetInOwner;
    private final Residency residency; // the owner's, shared by its views
    private final int elementBytes;

    /** Where the valid data of an array is. */
    public enum Where {
        HOST, DEVICE, BOTH
    }

    /** Owner-level residency state; also reachable from the cleaner, which must not see the array. */
    static final class Residency {
        private final MemorySegment whole;
        private volatile DeviceCopy copy; // read without the lock on the host fast path
        private boolean hostValid = true;
        private boolean deviceValid;

        Residency(MemorySegment whole) {
            this.whole = whole;
        }

        void forHost(boolean write) {
            if (copy != null) {
                forHostLocked(write);
            }
        }

        private synchronized void forHostLocked(boolean write) {
            if (copy == null) {
                return;
            }
            if (!hostValid) {
                copy.download(whole);
                hostValid = true;
            }
            if (write) {
                deviceValid = false;
            }
        }

        synchronized <T extends DeviceCopy> T forDevice(Object device, Function<MemorySegment, T> create, boolean write) {
            if (copy != null && copy.device() != device) {
                forHostLocked(false);
                copy.release();
                copy = null;
            }
            if (copy == null) {
                copy = create.apply(whole);
                deviceValid = false;
            }
            if (!deviceValid) {
                copy.upload(whole);
                deviceValid = true;
            }
            if (write) {
                hostValid = false;
            }
            @SuppressWarnings("unchecked")
            T t = (T) copy;
            return t;
        }

        synchronized void evict(Object device) {
            if (copy != null && copy.device() == device) {
                if (whole.scope().isAlive()) {
                    forHostLocked(false);
                }
                copy.release();
                copy = null;
                deviceValid = false;
                hostValid = true;
            }
        }

        /** The device holding a copy (valid or not), or null; read without the lock. */
        Object device() {
            DeviceCopy c = copy;
            return c == null ? null : c.device();
        }

        synchronized Where where() {
            if (copy == null || (hostValid && deviceValid)) {
                return copy == null ? Where.HOST : Where.BOTH;
            }
            return hostValid ? Where.HOST : Where.DEVICE;
        }

        synchronized void release() {
            if (copy != null) {
                copy.release();
                copy = null;
            }
        }
    }

    /** Allocates an owner of {@code length} elements of {@code elementBytes} each, zeroed. */
    NativeArray(long length, int elementBytes) {
        long bytes = byteSize(length, elementBytes);
        Arena arena = Arena.ofShared();
        this.segment = arena.allocate(bytes, ALIGNMENT);
        this.length = length;
        this.owner = this;
        this.offsetInOwner = 0;
        this.elementBytes = elementBytes;
        Residency r = new Residency(segment);
        this.residency = r;
        this.cleanable = CLEANER.register(this, () -> {
            r.release();
            arena.close();
        });
    }

    /** A view of {@code length} elements starting {@code offset} elements into {@code parent}. */
    NativeArray(NativeArray parent, long offset, long length, int elementBytes) {
        if (offset < 0 || length < 0 || offset > parent.length - length) {
            throw new IndexOutOfBoundsException("view: offset " + offset + " and length " + length
                    + " do not fit in an array of length " + parent.length);
        }
        parent.checkOpen("parent");
        this.segment = parent.segment.asSlice(offset * elementBytes, length * elementBytes);
        this.length = length;
        this.cleanable = null;
        this.owner = parent.owner;
        this.offsetInOwner = parent.offsetInOwner + offset;
        this.elementBytes = elementBytes;
        this.residency = parent.residency;
    }

    /** Bytes for {@code length} elements; rejects negative lengths and byte counts that overflow a long. */
    static long byteSize(long length, int elementBytes) {
        if (length < 0) {
            throw new IllegalArgumentException("length: must be >= 0, was " + length);
        }
        if (length > Long.MAX_VALUE / elementBytes) {
            throw new IllegalArgumentException("length: " + length + " elements of " + elementBytes
                    + " bytes overflow a 64-bit byte count");
        }
        return length * elementBytes;
    }

    /** Number of elements. */
    public final long length() {
        return length;
    }

    /**
     * The memory of exactly this array or view, for direct host access: brings the data back from
     * a device first and treats the access as a write (the device copy becomes stale). Invalid once
     * the owner is closed.
     */
    public final MemorySegment segment() {
        residency.forHost(true);
        return segment;
    }

    /**
     * The memory without moving anything: for backends, which call {@link #hostAccess} or
     * {@link #deviceCopy} themselves before touching it.
     */
    public final MemorySegment segmentNoSync() {
        return segment;
    }

    /** Makes the host copy valid before a host read, or a host write when {@code write} (the device copy goes stale). */
    public final void hostAccess(boolean write) {
        residency.forHost(write);
    }

    /**
     * The owner's copy on {@code device}, created with {@code create} if needed and made valid
     * (uploaded when the host is newer); when {@code write}, the host copy goes stale. A copy on
     * another device is brought back and released first.
     */
    public final <T extends DeviceCopy> T deviceCopy(Object device, Function<MemorySegment, T> create, boolean write) {
        return residency.forDevice(device, create, write);
    }

    /** The array that owns this memory: itself, or the owner of the array a view was taken from. */
    public final NativeArray owner() {
        return owner;
    }

    /**
     * Brings the data back from {@code device} and frees the copy there, if it holds one; for a
     * backend that is closing. Nothing happens for a closed array or another device.
     */
    public final void evict(Object device) {
        residency.evict(device);
    }

    /** Where the valid data is now. */
    public final Where where() {
        return residency.device() == null ? Where.HOST : residency.where();
    }

    /** The device that holds a copy of this array's owner (valid or stale), or null when none does. */
    public final Object device() {
        return residency.device();
    }

    /** Elements between the owner's first element and this array's: 0 for an owner. */
    public final long offsetInOwner() {
        return offsetInOwner;
    }

    /** Bytes per element. */
    public final int elementBytes() {
        return elementBytes;
    }

    public final boolean isClosed() {
        return !segment.scope().isAlive();
    }

    /** True for a window on another array's memory. */
    public final boolean isView() {
        return cleanable == null;
    }

    /** Throws {@link IllegalStateException} naming {@code argument} if the memory was released. */
    public final void checkOpen(String argument) {
        if (isClosed()) {
            throw new IllegalStateException(argument + ": " + getClass().getSimpleName() + " is closed");
        }
    }

    final void checkIndex(long index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("index: " + index + " is outside [0, " + length + ")");
        }
    }

    /**
     * Frees the memory if this is the owner (views and their owner become closed); on a view it does
     * nothing, since a view owns no memory. Idempotent. Must not race with kernels using the array.
     */
    @Override
    public final void close() {
        if (cleanable != null) {
            cleanable.clean();
        }
    }
}
