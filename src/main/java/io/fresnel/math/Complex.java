package io.fresnel.math;

/**
 * An immutable complex number re + j im. Used in the model (gains, reflection coefficients,
 * explicit channels); numerical kernels work on primitive arrays instead.
 *
 * @param re real part
 * @param im imaginary part
 */
public record Complex(double re, double im) {

    /** 0 + 0j. */
    public static final Complex ZERO = new Complex(0, 0);
    /** 1 + 0j. */
    public static final Complex ONE = new Complex(1, 0);

    /** @return |z|^2 */
    public double abs2() {
        return re * re + im * im;
    }

    /** @return |z| */
    public double abs() {
        return Math.hypot(re, im);
    }

    /** @return true when both parts are finite */
    public boolean isFinite() {
        return Double.isFinite(re) && Double.isFinite(im);
    }

    /** @return a real number as a complex one */
    public static Complex real(double re) {
        return new Complex(re, 0);
    }
}
