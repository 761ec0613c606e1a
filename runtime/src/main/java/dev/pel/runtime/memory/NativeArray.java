package dev.pel.runtime.memory;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;

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

    /** Allocates an owner of {@code length} elements of {@code elementBytes} each, zeroed. */
    NativeArray(long length, int elementBytes) {
        long bytes = byteSize(length, elementBytes);
        Arena arena = Arena.ofShared();
        this.segment = arena.allocate(bytes, ALIGNMENT);
        this.length = length;
        this.cleanable = CLEANER.register(this, arena::close);
        this.owner = this;
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

    /** The memory of exactly this array or view. Invalid once the owner is closed. */
    public final MemorySegment segment() {
        return segment;
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
