package dev.pel.bench.sweep;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where Pel's operands live between the calls of a sweep point ({@code --residency}).
 */
public enum Residency {
    /**
     * Heap {@code float[]}/{@code double[]} operands: a device backend copies them to the device and
     * back on every call, so the time includes both transfers (on a CPU backend nothing moves).
     */
    COPY,
    /**
     * Off-heap {@code FloatArray}/{@code DoubleArray} operands allocated once per point: the warm-up
     * puts them on the device and they stay there between calls; a CPU backend uses them in host memory.
     */
    RESIDENT;

    /** The CSV value and the command-line spelling. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The CSV value of a peer's row: peers always work on heap arrays in host memory. */
    public static final String PEER = "host";

    /**
     * The mode called {@code text} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the modes that exist
     */
    public static Residency parse(String text) {
        for (Residency r : values()) {
            if (r.label().equalsIgnoreCase(text.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown residency '" + text + "'; one of: "
                + Arrays.stream(values()).map(Residency::label).collect(Collectors.joining(", ")));
    }
}
