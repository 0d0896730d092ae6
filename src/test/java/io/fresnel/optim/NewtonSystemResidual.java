package io.fresnel.optim;

/** Test helper: the relative residual of a direction in the whole linearised system, through the unscaled data. */
final class NewtonSystemResidual {
    private NewtonSystemResidual() {
    }

    static double relative(ConicData d, NtScaling w, double[] hHat, double kappaOverTau, double[] bx, double[] by,
            double[] bz, double btau, double[] dx, double[] dy, double[] dz, double dtau) {
        double[] unscaledDz = new double[d.coneDim];
        w.scaleInv(dz, unscaledDz);
        double[] gtz = new double[d.n];
        d.gTMul(unscaledDz, gtz);
        double[] aty = new double[d.n];
        d.aTMul(dy, aty);
        double e2 = 0;
        for (int v = 0; v < d.n; v++) {
            double r = bx[v] - (aty[v] + gtz[v] + d.c[v] * dtau);
            e2 += r * r;
        }
        double[] ax = new double[d.p];
        d.aMul(dx, ax);
        for (int i = 0; i < d.p; i++) {
            double r = by[i] - (ax[i] - d.b[i] * dtau);
            e2 += r * r;
        }
        double[] gx = new double[d.coneDim];
        d.gMul(dx, gx);
        double[] sgx = new double[d.coneDim];
        w.scaleInvT(gx, sgx);
        for (int i = 0; i < d.coneDim; i++) {
            double r = bz[i] - (sgx[i] - dz[i] - hHat[i] * dtau);
            e2 += r * r;
        }
        double rt = btau - (kappaOverTau * dtau - InteriorPoint.dot(d.c, dx) - InteriorPoint.dot(d.b, dy)
                - InteriorPoint.dot(hHat, dz));
        e2 += rt * rt;
        double b2 = InteriorPoint.dot(bx, bx) + InteriorPoint.dot(by, by) + InteriorPoint.dot(bz, bz) + btau * btau;
        return Math.sqrt(e2 / b2);
    }
}
