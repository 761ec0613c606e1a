package dev.pel.runtime.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Off-heap arrays: allocation and alignment, views that copy nothing, closing, argument checks,
 * and the host/device residency protocol (driven here by a fake device copy).
 */
class NativeArrayTest {

    private static void assertNames(Class<? extends Throwable> type, String arg, Executable call) {
        Throwable e = assertThrows(type, call);
        assertTrue(e.getMessage() != null && e.getMessage().startsWith(arg + ":"), "message must name " + arg + ": " + e.getMessage());
    }

    @Test
    void allocatesZeroedAlignedMemory() {
        for (int n : new int[] {0, 1, 3, 17, 1000}) {
            try (FloatArray f = FloatArray.allocate(n); DoubleArray d = DoubleArray.allocate(n)) {
                assertEquals(n, f.length());
                assertEquals(n, d.length());
                assertEquals(0, f.segment().address() % NativeArray.ALIGNMENT, "float array of " + n);
                assertEquals(0, d.segment().address() % NativeArray.ALIGNMENT, "double array of " + n);
                assertEquals(4L * n, f.segment().byteSize());
                assertEquals(8L * n, d.segment().byteSize());
                assertEquals(4, f.elementBytes());
                for (int i = 0; i < n; i++) {
                    assertEquals(0f, f.get(i));
                    assertEquals(0.0, d.get(i));
                }
                assertFalse(f.isView());
                assertFalse(f.isClosed());
                assertEquals(NativeArray.Where.HOST, f.where());
            }
        }
    }

    @Test
    void valuesRoundTrip() {
        double[] values = {1.5, -0.0, Double.NaN, Double.MIN_VALUE, Double.POSITIVE_INFINITY};
        try (DoubleArray d = DoubleArray.of(values)) {
            assertArrayEquals(values, d.toArray());
            d.set(1, 7);
            assertEquals(7, d.get(1));
            double[] out = new double[5];
            d.copyTo(out);
            assertEquals(7, out[1]);
            d.fill(2.5);
            assertArrayEquals(new double[] {2.5, 2.5, 2.5, 2.5, 2.5}, d.toArray());
            d.copyFrom(values);
            assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(d.get(1)));
        }
        try (FloatArray f = FloatArray.of(1, 2, 3)) {
            assertArrayEquals(new float[] {1, 2, 3}, f.toArray());
            assertTrue(f.toString().contains("FloatArray[length=3"), f.toString());
        }
    }

    @Test
    void viewsCopyNothingAndSeeEveryWrite() {
        try (FloatArray a = FloatArray.of(0, 1, 2, 3, 4, 5, 6, 7)) {
            FloatArray v = a.view(3, 4);
            assertTrue(v.isView());
            assertEquals(4, v.length());
            assertEquals(3, v.offsetInOwner());
            assertEquals(a.segment().address() + 3 * Float.BYTES, v.segment().address(), "a view is a window, not a copy");
            assertEquals(3f, v.get(0));
            a.set(4, 40);
            assertEquals(40f, v.get(1), "writes through the owner show in the view");
            v.set(3, 60);
            assertEquals(60f, a.get(6), "writes through the view show in the owner");
            FloatArray vv = v.view(1, 2);
            assertEquals(4, vv.offsetInOwner());
            assertEquals(40f, vv.get(0));
            assertTrue(v.toString().contains("view"), v.toString());
            assertEquals(0, a.view(8, 0).length(), "an empty view at the end is fine");
        }
    }

    @Test
    void badViewsAreRejected() {
        try (DoubleArray a = DoubleArray.allocate(10)) {
            assertNames(IndexOutOfBoundsException.class, "view", () -> a.view(-1, 2));
            assertNames(IndexOutOfBoundsException.class, "view", () -> a.view(2, -1));
            assertNames(IndexOutOfBoundsException.class, "view", () -> a.view(8, 3));
            assertNames(IndexOutOfBoundsException.class, "view", () -> a.view(Long.MAX_VALUE, 2));
            assertNames(IndexOutOfBoundsException.class, "view", () -> a.view(1, Long.MAX_VALUE));
            assertNames(IndexOutOfBoundsException.class, "view", () -> a.view(5, 2).view(1, 2));
        }
    }

    @Test
    void closingTheOwnerClosesItsViewsAndLaterAccessFails() {
        DoubleArray a = DoubleArray.of(1, 2, 3, 4);
        DoubleArray v = a.view(1, 2);
        v.close(); // a view owns nothing: no-op
        assertFalse(v.isClosed());
        assertFalse(a.isClosed());
        assertEquals(2.0, v.get(0));

        a.close();
        assertTrue(a.isClosed());
        assertTrue(v.isClosed(), "views close with their owner");
        assertTrue(a.toString().contains("closed"), a.toString());
        assertNames(IllegalStateException.class, "x", () -> a.checkOpen("x"));
        assertNames(IllegalStateException.class, "y", () -> v.checkOpen("y"));
        assertNames(IllegalStateException.class, "this", () -> a.fill(1));
        assertNames(IllegalStateException.class, "this", () -> a.copyFrom(new double[4]));
        assertNames(IllegalStateException.class, "this", () -> v.copyTo(new double[2]));
        assertNames(IllegalStateException.class, "this", a::toArray);
        assertThrows(IllegalStateException.class, () -> a.get(0));
        assertThrows(IllegalStateException.class, () -> v.set(0, 1));
        assertNames(IllegalStateException.class, "parent", () -> a.view(0, 1));
        a.close(); // idempotent
    }

    @Test
    void badLengthsAndIndexesAreRejected() {
        assertNames(IllegalArgumentException.class, "length", () -> FloatArray.allocate(-1));
        assertNames(IllegalArgumentException.class, "length", () -> DoubleArray.allocate(Long.MIN_VALUE));
        assertNames(IllegalArgumentException.class, "length", () -> FloatArray.allocate(Long.MAX_VALUE / 2));
        assertNames(IllegalArgumentException.class, "length", () -> DoubleArray.allocate(Long.MAX_VALUE / 8 + 1));
        assertThrows(NullPointerException.class, () -> FloatArray.of((float[]) null));
        try (FloatArray f = FloatArray.allocate(3)) {
            assertNames(IndexOutOfBoundsException.class, "index", () -> f.get(3));
            assertNames(IndexOutOfBoundsException.class, "index", () -> f.set(-1, 0));
            assertNames(IllegalArgumentException.class, "source", () -> f.copyFrom(new float[4]));
            assertNames(IllegalArgumentException.class, "target", () -> f.copyTo(new float[2]));
        }
    }

    /** A device copy that mirrors the owner's bytes and counts the traffic. */
    static final class FakeCopy implements DeviceCopy {
        final Object device;
        final float[] memory;
        int uploads;
        int downloads;
        int releases;

        FakeCopy(Object device, MemorySegment whole) {
            this.device = device;
            this.memory = new float[(int) (whole.byteSize() / Float.BYTES)];
        }

        @Override
        public Object device() {
            return device;
        }

        @Override
        public void upload(MemorySegment host) {
            uploads++;
            MemorySegment.copy(host, 0, MemorySegment.ofArray(memory), 0, host.byteSize());
        }

        @Override
        public void download(MemorySegment host) {
            downloads++;
            MemorySegment.copy(MemorySegment.ofArray(memory), 0, host, 0, host.byteSize());
        }

        @Override
        public void release() {
            releases++;
        }

        /** What a device kernel would do: write element i of the device copy. */
        void deviceWrite(int i, float v) {
            memory[i] = v;
        }

        float deviceRead(int i) {
            return memory[i];
        }
    }

    @Test
    void dataMovesBetweenHostAndDeviceOnlyWhenStale() {
        Object gpu = new Object();
        FakeCopy[] made = new FakeCopy[1];
        try (FloatArray a = FloatArray.of(1, 2, 3, 4)) {
            FloatArray view = a.view(2, 2);
            FakeCopy c = a.deviceCopy(gpu, whole -> made[0] = new FakeCopy(gpu, whole), false);
            assertSame(made[0], c);
            assertEquals(4, c.memory.length, "the copy covers the whole owner");
            assertEquals(1, c.uploads);
            assertEquals(3f, c.deviceRead(2));
            assertEquals(NativeArray.Where.BOTH, a.where());

            // a device read again: nothing moves; through a view: the owner's copy is shared
            assertSame(c, view.deviceCopy(gpu, whole -> {
                throw new AssertionError("no second copy for the same device");
            }, false));
            assertEquals(1, c.uploads);

            // a device write makes the host stale; a host read brings the data back once
            a.deviceCopy(gpu, whole -> null, true);
            assertEquals(NativeArray.Where.DEVICE, a.where());
            c.deviceWrite(3, 40);
            assertEquals(40f, view.get(1));
            assertEquals(1, c.downloads);
            assertEquals(NativeArray.Where.BOTH, a.where());
            assertEquals(1f, a.get(0));
            assertEquals(1, c.downloads, "the host copy is valid now: no second download");

            // a host write makes the device stale; the next device use uploads once
            a.set(0, 10);
            assertEquals(NativeArray.Where.HOST, a.where());
            a.deviceCopy(gpu, whole -> null, false);
            assertEquals(2, c.uploads);
            assertEquals(10f, c.deviceRead(0));

            // segment() is direct host access, taken as a write
            a.segment();
            assertEquals(NativeArray.Where.HOST, a.where());
            a.deviceCopy(gpu, whole -> null, true);
            assertEquals(3, c.uploads);

            // moving to another device brings the data home, releases the old copy, uploads to the new one
            c.deviceWrite(1, 20);
            Object other = new Object();
            FakeCopy d = a.deviceCopy(other, whole -> new FakeCopy(other, whole), false);
            assertEquals(2, c.downloads);
            assertEquals(1, c.releases);
            assertEquals(1, d.uploads);
            assertEquals(20f, d.deviceRead(1));
            assertEquals(20f, a.get(1));
            made[0] = d;
        }
        assertEquals(1, made[0].releases, "closing the owner releases its device copy");
    }
}
