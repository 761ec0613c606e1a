package dev.pel.runtime.opencl;

import dev.pel.runtime.PelException;
import org.jocl.CL;

/**
 * An OpenCL call failed. The message names the call, the status code's name and number, and the
 * arguments that matter. {@link #of} picks the subclass the dispatcher acts on: out of resources
 * (retry smaller, or elsewhere) and device lost (quarantine the device).
 */
public class OpenClException extends PelException {
    /** NVIDIA's status for a sticky device fault (illegal address, launch failure). */
    static final int NVIDIA_DEVICE_FAULT = -9999;

    private final String call;
    private final int status;

    OpenClException(String call, int status, String details) {
        super(call + " failed: " + statusName(status) + " (" + status + ")" + (details.isEmpty() ? "" : ": " + details));
        this.call = call;
        this.status = status;
    }

    /** The exception for a failed call, of the subclass its status calls for. */
    public static OpenClException of(String call, int status, String details) {
        return switch (status) {
            case CL.CL_OUT_OF_RESOURCES, CL.CL_OUT_OF_HOST_MEMORY, CL.CL_MEM_OBJECT_ALLOCATION_FAILURE ->
                new OutOfResources(call, status, details);
            case CL.CL_DEVICE_NOT_AVAILABLE, CL.CL_EXEC_STATUS_ERROR_FOR_EVENTS_IN_WAIT_LIST, NVIDIA_DEVICE_FAULT ->
                new DeviceLost(call, status, details);
            default -> new OpenClException(call, status, details);
        };
    }

    /** Throws unless {@code status} is {@code CL_SUCCESS}. */
    static void check(int status, String call, String details) {
        if (status != CL.CL_SUCCESS) {
            throw of(call, status, details);
        }
    }

    /** The OpenCL function that failed, e.g. {@code clEnqueueNDRangeKernel}. */
    public String call() {
        return call;
    }

    /** The OpenCL status code. */
    public int status() {
        return status;
    }

    /** {@code CL_OUT_OF_RESOURCES} and the like: the device could not take this much work or memory. */
    public static final class OutOfResources extends OpenClException {
        OutOfResources(String call, int status, String details) {
            super(call, status, details);
        }
    }

    /** The device stopped working (unavailable, a kernel faulted): quarantine it. */
    public static final class DeviceLost extends OpenClException {
        DeviceLost(String call, int status, String details) {
            super(call, status, details);
        }
    }

    /** A program failed to build; the message carries the compiler's log. */
    public static final class BuildFailed extends OpenClException {
        private final String log;

        BuildFailed(int status, String details, String log) {
            super("clBuildProgram", status, details + "\n--- build log ---\n" + log);
            this.log = log;
        }

        public String log() {
            return log;
        }
    }

    /** {@code CL_OUT_OF_RESOURCES} for -5, the bare number where no name is known. */
    public static String statusName(int status) {
        if (status == -1001) {
            return "CL_PLATFORM_NOT_FOUND_KHR";
        }
        if (status == NVIDIA_DEVICE_FAULT) {
            return "CL_DEVICE_FAULT(NVIDIA)";
        }
        try {
            String s = CL.stringFor_errorCode(status);
            return s == null || s.startsWith("INVALID") ? "CL_STATUS_" + status : s;
        } catch (LinkageError e) {
            return "CL_STATUS_" + status;
        }
    }
}
