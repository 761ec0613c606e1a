package dev.pel.kernels.spi;

/** Element-wise functions of one operand. */
public enum UnaryOp {
    ABS, NEG, SQRT, EXP, LOG, TANH, SIGMOID;

    /** Kernel name as reported in call records and sweeps. */
    public String kernelName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** 1/(1+e^-v) for v >= 0, e^v/(1+e^v) below: exp never overflows, so tiny results stay subnormal, not 0. */
    private static double sigmoid(double v) {
        double e = Math.exp(-Math.abs(v));
        return v >= 0 ? 1 / (1 + e) : e / (1 + e);
    }

    // @twin-begin F64
    /** The scalar definition every backend must match (float inputs are computed in the wider type, then rounded once). */
    public double apply(double v) {
        return switch (this) {
            case ABS -> Math.abs(v);
            case NEG -> -v;
            case SQRT -> (double) Math.sqrt(v);
            case EXP -> (double) Math.exp(v);
            case LOG -> (double) Math.log(v);
            case TANH -> (double) Math.tanh(v);
            case SIGMOID -> (double) sigmoid(v);
        };
    }
    // @twin-end
    // @twin-generated F32 from the F64 region above by TwinGenerator: do not edit
    /** The scalar definition every backend must match (float inputs are computed in the wider type, then rounded once). */
    public float apply(float v) {
        return switch (this) {
            case ABS -> Math.abs(v);
            case NEG -> -v;
            case SQRT -> (float) Math.sqrt(v);
            case EXP -> (float) Math.exp(v);
            case LOG -> (float) Math.log(v);
            case TANH -> (float) Math.tanh(v);
            case SIGMOID -> (float) sigmoid(v);
        };
    }
    // @twin-end
}
