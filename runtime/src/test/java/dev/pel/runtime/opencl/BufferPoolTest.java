package dev.pel.runtime.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.runtime.PelConfig;
import dev.pel.runtime.PelRuntime;
import org.junit.jupiter.api.Test;

/** Call temporaries are reused by size class, bounded, not counted as live, and freed on close. */
class BufferPoolTest {

    @Test
    void temporariesAreReusedBySizeClassAndFreedOnClose() {
        try (PelRuntime rt = PelRuntime.create(PelConfig.builder().build())) {
            OpenClBackend cl = OpenClTestDevice.of(rt);
            OpenClBuffer a = cl.borrow(1000);
            assertEquals(1024, a.bytes(), "rounded up to its power-of-two class");
            assertEquals(1, cl.liveBuffers());
            cl.giveBack(a);
            assertEquals(0, cl.liveBuffers(), "an idle pooled buffer is not live");
            assertEquals(1, cl.pooledBuffers());
            OpenClBuffer b = cl.borrow(700);
            assertSame(a, b, "the same class is served from the pool");
            OpenClBuffer c = cl.borrow(700);
            assertNotSame(b, c, "a buffer in use is never handed out twice");
            assertEquals(2, cl.liveBuffers());
            cl.giveBack(b);
            cl.giveBack(c);
            assertEquals(2, cl.pooledBuffers());
            OpenClBuffer odd = cl.allocate(1000);
            cl.giveBack(odd);
            assertEquals(2, cl.pooledBuffers(), "an odd-sized buffer is freed, not pooled");
            rt.close();
            assertEquals(0, cl.pooledBuffers(), "closing the backend frees the pool");
            assertEquals(0, cl.liveBuffers());
        }
    }

    @Test
    void thePoolIsBounded() {
        try (PelRuntime rt = PelRuntime.create(PelConfig.builder().build())) {
            OpenClBackend cl = OpenClTestDevice.of(rt);
            long limit = Math.min(256L << 20, cl.info().globalMemBytes() / 16);
            long chunk = 16L << 20;
            OpenClBuffer[] held = new OpenClBuffer[(int) (limit / chunk) + 4];
            for (int i = 0; i < held.length; i++) {
                held[i] = cl.borrow(chunk);
            }
            for (OpenClBuffer b : held) {
                cl.giveBack(b);
            }
            assertTrue(cl.pooledBuffers() * chunk <= limit, cl.pooledBuffers() + " pooled buffers of " + chunk + " bytes exceed " + limit);
            assertEquals(0, cl.liveBuffers(), "what the pool did not keep was freed");
        }
    }
}
