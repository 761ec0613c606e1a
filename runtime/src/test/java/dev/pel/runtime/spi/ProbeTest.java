package dev.pel.runtime.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.runtime.cpu.ScalarBackend;
import org.junit.jupiter.api.Test;

/** A probe is a backend or the reason there is none. */
class ProbeTest {
    @Test
    void availableProbesCarryTheBackend() {
        ScalarBackend b = new ScalarBackend();
        Probe p = Probe.available(b);
        assertTrue(p.isAvailable());
        assertEquals("cpu-scalar", p.name());
        assertSame(b, p.backend().orElseThrow());
        assertTrue(p.reason().isEmpty());
        assertEquals("cpu-scalar: available (reference loops, 1 thread)", p.toString());
    }

    @Test
    void declinedProbesCarryTheReason() {
        Probe p = Probe.declined("opencl", "no OpenCL platform");
        assertFalse(p.isAvailable());
        assertTrue(p.backend().isEmpty());
        assertEquals("no OpenCL platform", p.reason().orElseThrow());
        assertEquals("opencl: declined (no OpenCL platform)", p.toString());
        assertThrows(NullPointerException.class, () -> Probe.declined("x", null));
        assertThrows(NullPointerException.class, () -> Probe.declined(null, "why"));
    }
}
