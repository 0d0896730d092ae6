package io.fresnel.math;

/**
 * Gauss-Legendre quadrature nodes and weights on [-1, 1], computed by Newton's method on the
 * three-term recurrence of the Legendre polynomials (exact for polynomials of degree 2n - 1).
 */
public final class GaussLegendre {
    private final double[] nodes;
    private final double[] weights;

    /** @param n number of nodes (>= 1) */
    public GaussLegendre(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1 (got " + n + ")");
        }
        nodes = new double[n];
        weights = new double[n];
        for (int i = 0; i < (n + 1) / 2; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double dp = 0;
            for (int iter = 0; iter < 100; iter++) {
                double p0 = 1;
                double p1 = x;
                for (int j = 2; j <= n; j++) {
                    double p2 = ((2 * j - 1) * x * p1 - (j - 1) * p0) / j;
                    p0 = p1;
                    p1 = p2;
                }
                if (n == 1) {
                    p0 = 1;
                }
                dp = n * (x * p1 - p0) / (x * x - 1);
                double dx = p1 / dp;
                x -= dx;
                if (Math.abs(dx) < 1e-16) {
                    break;
                }
            }
            if (n == 1) {
                x = 0;
                dp = 1;
            }
            nodes[i] = -x;
            nodes[n - 1 - i] = x;
            double w = 2 / ((1 - x * x) * dp * dp);
            weights[i] = w;
            weights[n - 1 - i] = w;
        }
    }

    /** @return the number of nodes */
    public int size() {
        return nodes.length;
    }

    /** @return node i in [-1, 1] */
    public double node(int i) {
        return nodes[i];
    }

    /** @return weight i (the weights sum to 2) */
    public double weight(int i) {
        return weights[i];
    }
}
