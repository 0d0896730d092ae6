package io.fresnel.optim;

/**
 * A complex Hermitian linear matrix inequality {@code F0 + sum_v x_v F_v >= 0} of size n, stored
 * as its real embedding {@code [[Re F, -Im F], [Im F, Re F]] >= 0} (a 2n x 2n {@link PsdBlock}),
 * which is PSD exactly when the Hermitian matrix is. Obtained from
 * {@link ConeProgram#addHermitianPsd}.
 *
 * <p>Setting entry (i, j) to re + j im implies its conjugate re - j im at (j, i); calls
 * accumulate. Diagonal entries must be real.
 */
public final class HermitianPsdBlock {
    private final int size;
    private final PsdBlock real;

    HermitianPsdBlock(int size, PsdBlock real) {
        this.size = size;
        this.real = real;
    }

    /** @return n, the complex dimension (the real embedding has 2n) */
    public int size() {
        return size;
    }

    /**
     * F0(i, j) += re + j im, and F0(j, i) += re - j im.
     *
     * @param i row, 0 <= i < size
     * @param j column, 0 <= j < size
     * @param re real part, finite
     * @param im imaginary part, finite; 0 when i == j
     */
    public void addConstant(int i, int j, double re, double im) {
        check(i, j, im);
        embed(-1, i, j, re, im);
    }

    /**
     * F_variable(i, j) += re + j im, and F_variable(j, i) += re - j im.
     *
     * @param variable index into x
     * @param i row, 0 <= i < size
     * @param j column, 0 <= j < size
     * @param re real part, finite
     * @param im imaginary part, finite; 0 when i == j
     */
    public void addCoefficient(int variable, int i, int j, double re, double im) {
        check(i, j, im);
        embed(variable, i, j, re, im);
    }

    private void check(int i, int j, double im) {
        if (i < 0 || i >= size || j < 0 || j >= size) {
            throw new IllegalArgumentException("entry (" + i + ", " + j + ") outside a " + size + " x " + size + " block");
        }
        if (i == j && im != 0) {
            throw new IllegalArgumentException("diagonal entry (" + i + ", " + i + ") of a Hermitian block must be real: im = " + im);
        }
    }

    private void embed(int variable, int i, int j, double re, double im) {
        int n = size;
        // [[Re, -Im], [Im, Re]]: the symmetric partner of every entry below is the conjugate's image.
        put(variable, i, j, re);
        put(variable, i + n, j + n, re);
        if (im != 0) {
            put(variable, i, j + n, -im);
            put(variable, i + n, j, im);
        }
    }

    private void put(int variable, int i, int j, double value) {
        if (value == 0) {
            return;
        }
        if (variable < 0) {
            real.addConstant(i, j, value);
        } else {
            real.addCoefficient(variable, i, j, value);
        }
    }

    /** @return the 2n x 2n real embedding this block writes into */
    PsdBlock realEmbedding() {
        return real;
    }
}
