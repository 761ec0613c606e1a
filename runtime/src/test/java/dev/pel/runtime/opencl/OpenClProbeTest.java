package dev.pel.runtime.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.runtime.BackendUnavailableException;
import dev.pel.runtime.PelConfig;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.spi.Backend;
import dev.pel.runtime.spi.Probe;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The OpenCL provider finds this machine's device(s), names them, and describes them sanely. */
class OpenClProbeTest {

    private static List<OpenClBackend> openClBackends(PelRuntime rt) {
        return rt.backends().values().stream().filter(OpenClBackend.class::isInstance).map(OpenClBackend.class::cast).toList();
    }

    @Test
    void providerFindsAtLeastOneDevice() {
        PelRuntime rt = PelRuntime.defaultRuntime();
        OpenClBackend first = OpenClTestDevice.of(rt);
        List<OpenClBackend> all = openClBackends(rt);
        assertFalse(all.isEmpty());
        assertSame(first, all.get(0));
        Pattern name = Pattern.compile("opencl:\\d+");
        for (OpenClBackend b : all) {
            assertTrue(name.matcher(b.name()).matches(), "backend name " + b.name());
            assertEquals(1, b.maxThreads(), b.name() + ": the device parallelises, the host uses one thread");
            Probe p = rt.probes().stream().filter(q -> q.name().equals(b.name())).findFirst().orElseThrow();
            assertTrue(p.isAvailable(), p.toString());
        }
        assertTrue(rt.backends().containsKey("opencl:0"), "devices are numbered from 0: " + rt.backends().keySet());
    }

    @Test
    void aliasResolvesToTheBestDevice() {
        PelRuntime rt = PelRuntime.defaultRuntime();
        OpenClTestDevice.of(rt);
        Backend best = rt.resolve("opencl");
        OpenClBackend cl = assertInstanceOf(OpenClBackend.class, best);
        assertEquals(List.of("opencl"), cl.aliases());
        List<OpenClBackend> all = openClBackends(rt);
        for (OpenClBackend b : all) {
            if (b != cl) {
                assertFalse(b.aliases().contains("opencl"), "only one device answers to 'opencl', also " + b.name());
                assertTrue(b.info().rank() <= cl.info().rank(), b.name() + " outranks the alias target " + cl.name());
            }
        }
        assertSame(cl, rt.resolve(cl.name()));
        // A view forcing the alias runs on that device.
        assertSame(cl, rt.withBackend("opencl").forcedBackend().orElseThrow());
    }

    @Test
    void deviceInfoIsSane() {
        OpenClBackend b = OpenClTestDevice.get();
        OpenClDeviceInfo info = b.info();
        assertTrue(info.computeUnits() > 0, "computeUnits " + info.computeUnits());
        assertTrue(info.maxAllocBytes() > 0, "maxAllocBytes " + info.maxAllocBytes());
        assertTrue(info.globalMemBytes() >= info.maxAllocBytes(), "global " + info.globalMemBytes() + " < max alloc "
                + info.maxAllocBytes());
        assertTrue(info.maxWorkGroupSize() > 0, "maxWorkGroupSize " + info.maxWorkGroupSize());
        assertTrue(info.localMemBytes() > 0, "localMemBytes " + info.localMemBytes());
        assertFalse(info.driverVersion().isBlank(), "driverVersion");
        assertFalse(info.name().isBlank(), "name");
        assertFalse(info.vendor().isBlank(), "vendor");
        assertFalse(info.platform().isBlank(), "platform");
        assertTrue(info.deviceVersion().startsWith("OpenCL "), "deviceVersion " + info.deviceVersion());
        assertTrue(List.of("CPU", "GPU", "ACCELERATOR", "OTHER").contains(info.type()), "type " + info.type());
        // Strings come trimmed and without trailing NULs.
        for (String s : List.of(info.name(), info.vendor(), info.platform(), info.driverVersion(), info.deviceVersion())) {
            assertEquals(s.strip(), s);
            assertFalse(s.indexOf('\0') >= 0, "NUL in '" + s + "'");
        }
        if (info.type().equals("CPU")) {
            assertTrue(info.hostUnifiedMemory(), "a CPU device shares host memory");
        }
    }

    @Test
    void detailsNameTheImportantProperties() {
        OpenClBackend b = OpenClTestDevice.get();
        OpenClDeviceInfo info = b.info();
        String d = b.details();
        assertEquals(info.describe(), d);
        assertTrue(d.contains(info.name()), d);
        assertTrue(d.contains("platform " + info.platform()), d);
        assertTrue(d.contains("vendor " + info.vendor()), d);
        assertTrue(d.contains(info.type()), d);
        assertTrue(d.contains("fp64 " + (info.fp64() ? "yes" : "no")), d);
        assertTrue(d.contains("global " + (info.globalMemBytes() >> 20) + " MiB"), d);
        assertTrue(d.contains("max alloc " + (info.maxAllocBytes() >> 20) + " MiB"), d);
        assertTrue(d.contains("memory"), d);
        assertTrue(d.contains(info.driverVersion()), d);
    }

    @Test
    void bogusBackendNameListsTheDevicesAmongAvailableOnes() {
        OpenClTestDevice.get();
        var e = assertThrows(BackendUnavailableException.class,
                () -> PelRuntime.create(PelConfig.builder().backend("no-such-backend").build()).close());
        String m = e.getMessage();
        assertTrue(m.contains("no-such-backend"), m);
        int at = m.indexOf("available:");
        assertTrue(at >= 0, m);
        assertTrue(List.of(m.substring(at + "available:".length()).replace("(or 'auto')", "").split("[,\\s]+")).contains("opencl:0"),
                m);
    }
}
