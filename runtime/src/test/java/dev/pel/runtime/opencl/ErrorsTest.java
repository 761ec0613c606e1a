package dev.pel.runtime.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.runtime.PelException;
import org.jocl.CL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OpenCL failures become exceptions of the class the dispatcher acts on, with messages that say what failed. */
class ErrorsTest {

    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @CsvSource({
        "CL_OUT_OF_RESOURCES, -5, OutOfResources",
        "CL_MEM_OBJECT_ALLOCATION_FAILURE, -4, OutOfResources",
        "CL_OUT_OF_HOST_MEMORY, -6, OutOfResources",
        "CL_DEVICE_NOT_AVAILABLE, -2, DeviceLost",
        "CL_EXEC_STATUS_ERROR_FOR_EVENTS_IN_WAIT_LIST, -14, DeviceLost",
        "CL_DEVICE_FAULT(NVIDIA), -9999, DeviceLost",
        "CL_INVALID_VALUE, -30, OpenClException",
        "CL_INVALID_KERNEL_ARGS, -52, OpenClException",
        "CL_BUILD_PROGRAM_FAILURE, -11, OpenClException",
        "CL_INVALID_BUFFER_SIZE, -61, OpenClException",
        "CL_DEVICE_NOT_FOUND, -1, OpenClException",
        "CL_PLATFORM_NOT_FOUND_KHR, -1001, OpenClException",
    })
    void statusMapsToItsClassAndNamesItself(String statusName, int status, String expectedClass) {
        OpenClException e = OpenClException.of("clEnqueueNDRangeKernel", status, "kernel axpy, global 1024");
        assertEquals(expectedClass, e.getClass().getSimpleName(), statusName);
        assertInstanceOf(PelException.class, e);
        assertEquals("clEnqueueNDRangeKernel", e.call());
        assertEquals(status, e.status());
        assertEquals(statusName, OpenClException.statusName(status));
        String m = e.getMessage();
        assertTrue(m.contains("clEnqueueNDRangeKernel"), m);
        assertTrue(m.contains(statusName + " (" + status + ")"), m);
        assertTrue(m.contains("kernel axpy, global 1024"), m);
    }

    @Test
    void constantsAreTheNumbersTheMappingAssumes() {
        assertEquals(-5, CL.CL_OUT_OF_RESOURCES);
        assertEquals(-4, CL.CL_MEM_OBJECT_ALLOCATION_FAILURE);
        assertEquals(-6, CL.CL_OUT_OF_HOST_MEMORY);
        assertEquals(-2, CL.CL_DEVICE_NOT_AVAILABLE);
        assertEquals(-14, CL.CL_EXEC_STATUS_ERROR_FOR_EVENTS_IN_WAIT_LIST);
        assertEquals(-9999, OpenClException.NVIDIA_DEVICE_FAULT);
    }

    @Test
    void unknownStatusIsNamedByItsNumber() {
        OpenClException e = OpenClException.of("clFinish", -12345, "");
        assertSame(OpenClException.class, e.getClass());
        assertEquals("CL_STATUS_-12345", OpenClException.statusName(-12345));
        assertEquals("clFinish failed: CL_STATUS_-12345 (-12345)", e.getMessage(), "no dangling ': ' without details");
        assertEquals("CL_SUCCESS", OpenClException.statusName(0));
    }

    @Test
    void checkThrowsOnlyOnFailure() {
        OpenClException.check(CL.CL_SUCCESS, "clFinish", "");
        var e = assertThrows(OpenClException.OutOfResources.class, () -> OpenClException.check(-5, "clCreateBuffer", "64 bytes"));
        assertTrue(e.getMessage().contains("clCreateBuffer failed: CL_OUT_OF_RESOURCES (-5): 64 bytes"), e.getMessage());
    }

    @Test
    void allocationBeyondTheDeviceMaximumNamesTheLimit() {
        OpenClBackend cl = OpenClTestDevice.get();
        long max = cl.info().maxAllocBytes();
        long live = cl.liveBuffers();
        var e = assertThrows(OpenClException.class, () -> cl.allocate(max + 1));
        String m = e.getMessage();
        assertTrue(m.contains("CL_DEVICE_MAX_MEM_ALLOC_SIZE"), m);
        assertTrue(m.contains(Long.toString(max + 1)), "the requested size: " + m);
        assertTrue(m.contains(Long.toString(max)), "the limit: " + m);
        assertTrue(m.contains("clCreateBuffer"), m);
        assertEquals(live, cl.liveBuffers(), "nothing allocated");
        assertThrows(OpenClException.class, () -> cl.allocate(Long.MAX_VALUE));
        assertEquals(live, cl.liveBuffers(), "nothing allocated");
    }

    /** allocate's Javadoc: "@throws OpenClException.OutOfResources when it exceeds the device's max allocation". */
    @Test
    void allocationBeyondTheDeviceMaximumIsOutOfResourcesAsDocumented() {
        OpenClBackend cl = OpenClTestDevice.get();
        assertThrows(OpenClException.OutOfResources.class, () -> cl.allocate(cl.info().maxAllocBytes() + 1));
    }

    @Test
    void buildFailedCarriesTheLog() {
        var e = new OpenClException.BuildFailed(CL.CL_BUILD_PROGRAM_FAILURE, "device X, options ''", "<source>:2:5: error: boom");
        assertEquals("<source>:2:5: error: boom", e.log());
        assertEquals("clBuildProgram", e.call());
        assertTrue(e.getMessage().contains("CL_BUILD_PROGRAM_FAILURE (-11)"), e.getMessage());
        assertTrue(e.getMessage().endsWith("<source>:2:5: error: boom"), e.getMessage());
    }
}
