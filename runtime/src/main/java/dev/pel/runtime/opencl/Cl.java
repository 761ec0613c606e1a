package dev.pel.runtime.opencl;

import static org.jocl.CL.clGetDeviceInfo;
import static org.jocl.CL.clGetPlatformInfo;

import java.nio.charset.StandardCharsets;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/** Typed reads of platform and device properties, with errors named. */
final class Cl {
    private Cl() {
    }

    static String platformString(cl_platform_id p, int param) {
        long[] size = new long[1];
        OpenClException.check(clGetPlatformInfo(p, param, 0, null, size), "clGetPlatformInfo", "param " + param);
        byte[] buf = new byte[(int) size[0]];
        OpenClException.check(clGetPlatformInfo(p, param, buf.length, Pointer.to(buf), null), "clGetPlatformInfo", "param " + param);
        return text(buf);
    }

    static String deviceString(cl_device_id d, int param) {
        long[] size = new long[1];
        OpenClException.check(clGetDeviceInfo(d, param, 0, null, size), "clGetDeviceInfo", "param " + param);
        byte[] buf = new byte[(int) size[0]];
        OpenClException.check(clGetDeviceInfo(d, param, buf.length, Pointer.to(buf), null), "clGetDeviceInfo", "param " + param);
        return text(buf);
    }

    static long deviceLong(cl_device_id d, int param) {
        long[] v = new long[1];
        OpenClException.check(clGetDeviceInfo(d, param, Sizeof.cl_ulong, Pointer.to(v), null), "clGetDeviceInfo", "param " + param);
        return v[0];
    }

    static int deviceInt(cl_device_id d, int param) {
        int[] v = new int[1];
        OpenClException.check(clGetDeviceInfo(d, param, Sizeof.cl_uint, Pointer.to(v), null), "clGetDeviceInfo", "param " + param);
        return v[0];
    }

    static long deviceSize(cl_device_id d, int param) {
        long[] v = new long[1];
        OpenClException.check(clGetDeviceInfo(d, param, Sizeof.size_t, Pointer.to(v), null), "clGetDeviceInfo", "param " + param);
        return v[0];
    }

    private static String text(byte[] buf) {
        int end = buf.length;
        while (end > 0 && buf[end - 1] == 0) {
            end--;
        }
        return new String(buf, 0, end, StandardCharsets.UTF_8).trim();
    }
}
