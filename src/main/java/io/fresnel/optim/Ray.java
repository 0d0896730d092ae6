package io.fresnel.optim;

/**
 * A {@link SmoothConvexProgram} restricted to the ray {@code x + s d} for {@link BarrierSolver}'s
 * line search: every constraint, the objective and the barrier as functions of the step s from
 * data formed once per Newton step (quadratics in s for the quadratic-log constraints, the
 * objective and the linear rows; M(x) and the direction D of every LMI). A trial step then costs
 * a few scalar operations per constraint and one small Cholesky factorisation per LMI instead of a
 * pass over every dense row. Immutable.
 */
final class Ray {
    private final SmoothConvexProgram p;
    private final double[][] quad;
    private final double[] obj;
    private final double[] rowBase;
    private final double[] rowDir;
    private final double[][][] lmiBase;
    private final double[][][] lmiDir;

    /**
     * @param p the program
     * @param x the base point (not modified)
     * @param d the direction (not modified)
     */
    Ray(SmoothConvexProgram p, double[] x, double[] d) {
        this.p = p;
        quad = new double[p.constraints.size()][];
        for (int i = 0; i < quad.length; i++) {
            quad[i] = p.constraints.get(i).along(x, d);
        }
        double o0 = QuadraticLogConstraint.dot(p.linear, x);
        double o1 = QuadraticLogConstraint.dot(p.linear, d);
        double o2 = 0;
        for (int r = 0; r < p.squares.size(); r++) {
            double[] z = p.squares.get(r);
            double w = p.squareWeights.get(r);
            double u = QuadraticLogConstraint.dot(z, x) + p.squareOffsets.get(r);
            double v = QuadraticLogConstraint.dot(z, d);
            o0 += w * u * u;
            o1 += 2 * w * u * v;
            o2 += w * v * v;
        }
        obj = new double[] {o0, o1, o2};
        int rows = p.linearRows.size();
        rowBase = new double[rows];
        rowDir = new double[rows];
        for (int k = 0; k < rows; k++) {
            rowBase[k] = p.linearBounds.get(k) - QuadraticLogConstraint.dot(p.linearRows.get(k), x);
            rowDir[k] = -QuadraticLogConstraint.dot(p.linearRows.get(k), d);
        }
        lmiBase = new double[p.lmis.size()][][];
        lmiDir = new double[p.lmis.size()][][];
        for (int j = 0; j < lmiBase.length; j++) {
            lmiBase[j] = p.lmis.get(j).matrix(x);
            lmiDir[j] = p.lmis.get(j).direction(d);
        }
    }

    /** @return f0(x + s d) */
    double objective(double s) {
        return obj[0] + s * (obj[1] + s * obj[2]);
    }

    /**
     * @return {@code t f0 + phi} at x + s d, or +Infinity when that point is not strictly feasible
     */
    double barrierValue(double s, double t) {
        double v = t * objective(s);
        for (int i = 0; i < quad.length; i++) {
            double f = p.constraints.get(i).valueAlong(quad[i], s);
            if (!(f < 0)) {
                return Double.POSITIVE_INFINITY;
            }
            v -= Math.log(-f);
        }
        for (int k = 0; k < rowBase.length; k++) {
            double r = rowBase[k] + s * rowDir[k];
            if (!(r > 0)) {
                return Double.POSITIVE_INFINITY;
            }
            v -= Math.log(r);
        }
        for (int j = 0; j < lmiBase.length; j++) {
            int m = lmiBase[j].length;
            double[][] a = new double[m][m];
            for (int r = 0; r < m; r++) {
                for (int c = 0; c < m; c++) {
                    a[r][c] = lmiBase[j][r][c] + s * lmiDir[j][r][c];
                }
            }
            double[][] l = Cholesky.factor(a);
            if (l == null) {
                return Double.POSITIVE_INFINITY;
            }
            for (int r = 0; r < m; r++) {
                v -= 2 * Math.log(l[r][r]);
            }
        }
        return v;
    }
}
