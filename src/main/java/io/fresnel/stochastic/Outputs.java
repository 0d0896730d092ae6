package io.fresnel.stochastic;

import java.util.Arrays;

/**
 * Values of the eleven {@link Output}s. A value is finite, or +infinity for a metric that is
 * infinite (no power towards the target: a^H R_X a = 0); NaN marks "not computed" and is never
 * written. Immutable.
 */
public final class Outputs {
    private final double[] values;

    private Outputs(double[] values) {
        this.values = values;
    }

    /**
     * @param values one value per {@link Output}, in declaration order; copied
     * @return the outputs
     * @throws IllegalArgumentException when the length is wrong or a value is negative
     */
    public static Outputs of(double... values) {
        if (values.length != Output.values().length) {
            throw new IllegalArgumentException("need " + Output.values().length + " values (got " + values.length + ")");
        }
        for (double v : values) {
            if (v < 0) {
                throw new IllegalArgumentException("outputs are >= 0 (got " + v + ")");
            }
        }
        return new Outputs(values.clone());
    }

    /**
     * @param o an output
     * @return its value (+infinity when infinite)
     */
    public double value(Output o) {
        return values[o.ordinal()];
    }

    /**
     * @param o an output
     * @return its value, or null when it is infinite (as the result document writes it)
     */
    public Double finiteOrNull(Output o) {
        double v = values[o.ordinal()];
        return Double.isFinite(v) ? v : null;
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
