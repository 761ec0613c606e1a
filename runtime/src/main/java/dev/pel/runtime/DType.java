package dev.pel.runtime;

/** Element types Pel computes in. */
public enum DType {
    F32(Float.BYTES, "f32"),
    F64(Double.BYTES, "f64");

    private final int bytes;
    private final String label;

    DType(int bytes, String label) {
        this.bytes = bytes;
        this.label = label;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** The short name used on the command line and in CSV files ({@code f32}, {@code f64}). */
    public String label() {
        return label;
    }

    /** Parses {@code f32}/{@code f64} (case-insensitive). */
    public static DType parse(String text) {
        for (DType t : values()) {
            if (t.label.equalsIgnoreCase(text) || t.name().equalsIgnoreCase(text)) {
                return t;
            }
        }
        throw new IllegalArgumentException("dtype: unknown element type '" + text + "' (expected f32 or f64)");
    }
}
