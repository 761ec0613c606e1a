package dev.pel.runtime.dispatch;

import dev.pel.runtime.memory.NativeArray;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a call's operands live, as far as the cost of moving them goes: on the Java heap (a device
 * must copy them in and out), in off-heap host memory (a device that shares host memory reads it in
 * place), or resident on a device (the host must bring it back first; that device reads it for free).
 * Instances are shared constants, so summarising a call's operands allocates nothing.
 */
public final class Placement {
    /** At least one operand is a Java array. */
    public static final Placement HEAP = new Placement(null, true, true);
    /** Every operand is off-heap and valid on the host, none resident on a device. */
    public static final Placement HOST = new Placement(null, true, false);

    private static final Map<Identity, Placement[]> DEVICES = new ConcurrentHashMap<>();

    /** Devices are told apart by identity, like everywhere in the dispatcher, whatever their equals says. */
    private record Identity(Object device) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity i && i.device == device;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(device);
        }
    }

    private final Object device;
    private final boolean hostValid;
    private final boolean heap;

    private Placement(Object device, boolean hostValid, boolean heap) {
        this.device = device;
        this.hostValid = hostValid;
        this.heap = heap;
    }

    /** Operands with a valid copy on {@code device}; {@code hostValid} when the host copy is valid too. */
    public static Placement onDevice(Object device, boolean hostValid) {
        Placement[] p = DEVICES.computeIfAbsent(new Identity(device),
                d -> new Placement[] {new Placement(device, false, false), new Placement(device, true, false)});
        return p[hostValid ? 1 : 0];
    }

    /** Where an off-heap array's data is now. */
    public static Placement of(NativeArray array) {
        Object d = array.device();
        if (d == null) {
            return HOST;
        }
        return switch (array.where()) {
            case HOST -> HOST; // a stale device copy: a device uploads, as from host memory
            case BOTH -> onDevice(d, true);
            case DEVICE -> onDevice(d, false);
        };
    }

    /**
     * The placement of a call whose operands are here and in {@code other}: heap wins (a device must
     * copy), then data only on a device (the host must fetch it), then data valid on both.
     */
    public Placement and(Placement other) {
        if (this == other || other == HOST) {
            return this;
        }
        if (this == HOST || other.heap) {
            return other;
        }
        if (heap) {
            return this;
        }
        // Data only on a device outweighs data valid on both (on two devices: the one the host must fetch).
        return hostValid ? other : this;
    }

    /** True when some operand is a Java array. */
    public boolean heap() {
        return heap;
    }

    /** The device holding the operands, or null. */
    public Object device() {
        return device;
    }

    /** True when the host copy of every operand is valid (nothing to fetch before host code runs). */
    public boolean hostValid() {
        return hostValid;
    }

    @Override
    public String toString() {
        if (heap) {
            return "heap";
        }
        if (device == null) {
            return "host";
        }
        return (hostValid ? "host+" : "") + "device " + device;
    }
}
