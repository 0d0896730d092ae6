package io.fresnel.optim;

/**
 * One solve of {@link KktSolver}'s scaled KKT system by block elimination into the normal equations
 * ({@link NormalEquations}), with the heavy rows kept as a border ({@link BorderRows}).
 */
final class BorderedElimination {
    private BorderedElimination() {
    }

    /**
     * One solve by block elimination. With the border C = [A; g_r^T (border rows r)],
     * w_r = 1 / scale_r, and M = H_rest + A^T A + sum rho_r g_r g_r^T (H_rest: the normal
     * matrix without the border rows), the unknowns v = (uy, v_r), v_r = (1 + rho_r w_r^2) dz_r
     * (dz_r = uz~_r / w_r, the unscaled multiplier step) solve
     * <pre>
     *   M ux + C^T v = bx + Gs_rest^T bz + A^T by + sum rho_r w_r bz_r g_r
     *   C ux - E v  = (by, w_r bz_r),     E = diag(0, w_r^2 / (1 + rho_r w_r^2)),
     * </pre>
     * through the Schur complement C M^{-1} C^T + E. A border row's uz~_r comes from v_r, not
     * from the cancelling difference g_r^T ux / w_r - bz_r.
     *
     * @param d the data
     * @param gs the scaled constraints of the factorisation (rotated blocks as it left them)
     * @param borders the border rows of the factorisation
     * @param normal the factored normal equations
     * @param b the right-hand side; not modified
     * @param out the solution; its arrays written
     * @param scratchN scratch of length n
     * @param rhsN scratch of length n
     * @param atyN scratch of length n
     */
    static void solve(ConicData d, ScaledConstraints gs, BorderRows borders, NormalEquations normal,
            KktSolver.KktVector b, KktSolver.KktVector out, double[] scratchN, double[] rhsN, double[] atyN) {
        int n = d.n;
        int p = d.p;
        double[] bx = b.x();
        double[] by = b.y();
        double[] bz = b.z();
        int bigCount = borders.size();
        double[][] bzRot = new double[d.blocks.length][];
        for (int k = 0; k < d.blocks.length; k++) {
            if (gs.rotated(k) != null) {
                bzRot[k] = gs.rotated(k).toRotated(bz);
            }
        }
        double[] tn = scratchN;
        gs.transposeMul(bz, bzRot, bigCount > 0, tn);
        double[] rhs = rhsN;
        double[] aty = atyN;
        d.aTMul(by, aty);
        for (int v = 0; v < n; v++) {
            rhs[v] = bx[v] + tn[v] + aty[v];
        }
        double[] rhs2 = new double[bigCount];
        if (bigCount > 0) {
            rhs2 = borders.rightHandSides(bz, bzRot, gs);
            for (int t = 0; t < bigCount; t++) {
                double f = borders.get(t).rho() * rhs2[t];
                double[] g = borders.get(t).g();
                for (int v = 0; v < n; v++) {
                    rhs[v] += f * g[v];
                }
            }
        }
        int rows = p + bigCount;
        // the border's right-hand sides (by, w_r bz_r); solved for (uy, v_r) in place
        double[] u = new double[rows];
        System.arraycopy(by, 0, u, 0, p);
        System.arraycopy(rhs2, 0, u, p, bigCount);
        normal.solveBordered(rhs, u);
        System.arraycopy(u, 0, out.y(), 0, p);
        double[] ux = out.x();
        double[] uz = out.z();
        System.arraycopy(rhs, 0, ux, 0, n);
        gs.mul(ux, true, uz);
        for (int i = 0; i < d.l; i++) {
            if (!gs.isLinearBordered(i)) {
                uz[i] -= bz[i];
            }
        }
        double[][] yRot = new double[d.blocks.length][];
        for (int k = 0; k < d.blocks.length; k++) {
            ConicData.Block blk = d.blocks[k];
            RotatedBlock rot = gs.rotated(k);
            if (rot != null) {
                double[] y = rot.mul(ux);
                double[] bk = bzRot[k];
                for (int r = 0; r < y.length; r++) {
                    if (!rot.isBordered(r)) {
                        y[r] -= bk[r];
                    }
                }
                yRot[k] = y;
            } else {
                int end = blk.offset + blk.m * blk.m;
                for (int i = blk.offset; i < end; i++) {
                    uz[i] -= bz[i];
                }
            }
        }
        for (int t = 0; t < bigCount; t++) {
            double step = borders.scaledStep(t, u[p + t]);
            BorderRows.Origin o = borders.get(t).origin();
            if (o instanceof BorderRows.Orthant lin) {
                uz[lin.row()] = step;
            } else if (o instanceof BorderRows.Rotated rot) {
                yRot[rot.block()][rot.row()] = step;
            }
        }
        for (int k = 0; k < d.blocks.length; k++) {
            if (yRot[k] != null) {
                gs.rotated(k).fromRotated(yRot[k], uz);
                gs.rotated(k).addOutsideRange(bz, uz);
            }
        }
    }
}
