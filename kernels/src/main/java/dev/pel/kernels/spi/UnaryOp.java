package dev.pel.kernels.spi;

/** Element-wise functions of one operand. */
public enum UnaryOp {
    ABS, NEG, SQRT, EXP, LOG, TANH, SIGMOID;

    /** Kernel name as reported in call records and sweeps. */
    public String kernelName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
