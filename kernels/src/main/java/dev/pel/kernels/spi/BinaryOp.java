package dev.pel.kernels.spi;

/** Element-wise arithmetic of two operands (a vector and a vector, or a vector and a scalar). */
public enum BinaryOp {
    ADD, SUB, MUL, DIV;

    public String kernelName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    // @twin-begin F64
    /** {@code a op b}, the scalar definition every backend must match. */
    public double apply(double a, double b) {
        return switch (this) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
        };
    }
    // @twin-end
    // @twin-generated F32 from the F64 region above by TwinGenerator: do not edit
    /** {@code a op b}, the scalar definition every backend must match. */
    public float apply(float a, float b) {
        return switch (this) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
        };
    }
    // @twin-end
}
