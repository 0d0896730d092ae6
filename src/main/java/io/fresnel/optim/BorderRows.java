package io.fresnel.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * The border rows of one factorisation of the KKT system: rows of the scaled system whose weight
 * is so large (an inequality active with a large multiplier: s -&gt; 0 while z stays large, in an
 * orthant entry or in an eigen-direction of a PSD block) that eliminating them into the normal
 * matrix would let their rank-one terms, and the backward error of the factor (eps times their
 * weight), swamp every other direction. Such a row r enters the normal matrix with a moderate
 * weight rho_r only and is kept beside the equalities, with the unscaled multiplier step as its
 * unknown (see {@link KktSolver}).
 *
 * <p>Each row is held unscaled (dense over the n variables) with w_r = 1 / scale_r, the inverse of
 * the factor from the unscaled to the scaled row, and rho_r. Rows are numbered in the order added.
 */
final class BorderRows {

    /** Where a border row comes from. */
    sealed interface Origin permits Orthant, Rotated {
    }

    /**
     * An orthant (linear inequality) row.
     *
     * @param row the index among the l linear inequalities
     */
    record Orthant(int row) implements Origin {
    }

    /**
     * A row of a PSD block in its rotated basis ({@link RotatedBlock}).
     *
     * @param block the block index
     * @param row the svec row
     */
    record Rotated(int block, int row) implements Origin {
    }

    /**
     * One border row.
     *
     * @param origin where it comes from
     * @param g the unscaled row over the n variables (not to be modified)
     * @param w 1 / scale: the scaled row is g / w
     * @param rho the moderate weight it keeps in the normal matrix
     */
    record Row(Origin origin, double[] g, double w, double rho) {
    }

    private final List<Row> rows = new ArrayList<>();

    /** Appends a row. */
    void add(Origin origin, double[] g, double w, double rho) {
        rows.add(new Row(origin, g, w, rho));
    }

    /** @return the number of border rows */
    int size() {
        return rows.size();
    }

    /** @return row t */
    Row get(int t) {
        return rows.get(t);
    }

    /**
     * The entry E_t = w^2 / (1 + rho w^2) of the Schur complement's diagonal.
     *
     * @param t the row
     * @return E_t
     */
    double schurDiagonal(int t) {
        Row r = rows.get(t);
        double w2 = r.w() * r.w();
        return w2 / (1 + r.rho() * w2);
    }

    /**
     * The scaled multiplier step uz~_r = w u_r / (1 + rho w^2) of row t from its border unknown.
     *
     * @param t the row
     * @param u the border unknown u_r = (1 + rho_r w_r^2) dz_r
     * @return uz~_r
     */
    double scaledStep(int t, double u) {
        Row r = rows.get(t);
        double w = r.w();
        return w * u / (1 + r.rho() * w * w);
    }

    /**
     * The border right-hand sides w_r bz~_r (bz~ a scaled cone vector), each row's entry read from
     * the orthant part of bz or from its block's rotated svec.
     *
     * @param bz the scaled cone vector; not modified
     * @param bzRotated per block svec(U^T Bz U) (for the blocks with border rows); not modified
     * @param gs the scaled constraints of this factorisation
     * @return a new array, one entry per row
     */
    double[] rightHandSides(double[] bz, double[][] bzRotated, ScaledConstraints gs) {
        double[] out = new double[rows.size()];
        for (int t = 0; t < out.length; t++) {
            Origin o = rows.get(t).origin();
            if (o instanceof Orthant lin) {
                out[t] = bz[lin.row()] / gs.linearWeight(lin.row());
            } else if (o instanceof Rotated rot) {
                out[t] = bzRotated[rot.block()][rot.row()] / gs.rotated(rot.block()).scale(rot.row());
            }
        }
        return out;
    }
}
