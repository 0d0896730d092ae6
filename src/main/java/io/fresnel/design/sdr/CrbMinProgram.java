package io.fresnel.design.sdr;

import io.fresnel.design.common.FisherCoefficients;
import io.fresnel.design.common.SdrModel;
import io.fresnel.optim.ConeProgram;
import io.fresnel.optim.PsdBlock;
import java.util.HashMap;
import java.util.Map;

/**
 * Paper 004 (P1) as the SDP (SDR1.2) / (SDR1.3): minimise sum_k t_k over the 2K (2-D) or 3K
 * (3-D) coordinates k subject to the Schur LMIs (28b)/(35b) [[F, e_k], [e_k^T, t_k]] &gt;= 0 on
 * the full FIM of Prop. 1 (coordinates and Re/Im of every gain), so that t_k &gt;= [F^-1]_kk and
 * sum t_k is the sum-CRB (22)-(23); plus the common constraints of {@link SdrProgram}.
 *
 * <p>Conditioning: the FIM is linear in X, F(P X) = P F(X). With F0 = F(I/d) (isotropic in the
 * subspace) and D = F0^{-1/2}, each LMI is written after the congruence diag(D, 1/sqrt(s_k)):
 * [[D F D, D e_k / sqrt(s_k)], [., tau_k]] &gt;= 0 with s_k = [F0^-1]_kk and t_k = s_k tau_k / P,
 * which is equivalent and is the identity at X = I/d. The objective is sum_k (s_k / S) tau_k,
 * S = sum s_k, so the sum-CRB is (S / P) times the solver's objective.
 */
public final class CrbMinProgram extends SdrProgram {
    private final FisherCoefficients fisher;
    private final FisherCoefficients whitened;
    private final double[][] whitening;
    private final double[] reference;
    private final double referenceSum;

    /**
     * @param model the model (Span CRB or FULL), with at least one target
     * @param powerW P (W)
     * @param sinrRequired per user Gamma_u (0: none)
     * @throws ArithmeticException when the FIM is singular even for the isotropic covariance of
     *     the subspace (a coordinate is unobservable)
     */
    public CrbMinProgram(SdrModel model, double powerW, double[] sinrRequired) {
        super(model, powerW, sinrRequired);
        fisher = FisherCoefficients.of(model);
        double[][] iso = new double[d][d];
        for (int i = 0; i < d; i++) {
            iso[i][i] = 1.0 / d;
        }
        double[][] f0 = fisher.fim(iso, new double[d][d]);
        whitening = FisherCoefficients.inverseSquareRoot(f0);
        int p = fisher.parameters;
        reference = new double[fisher.coordinates];
        double sum = 0;
        for (int k = 0; k < fisher.coordinates; k++) {
            double s = 0;
            for (int i = 0; i < p; i++) {
                s += whitening[i][k] * whitening[i][k];
            }
            reference[k] = s;
            sum += s;
        }
        referenceSum = sum;
        whitened = fisher.congruence(whitening);
    }

    @Override
    int extraVariables() {
        return fisher.coordinates;
    }

    @Override
    void addObjective(ConeProgram program) {
        int p = fisher.parameters;
        @SuppressWarnings("unchecked")
        Map<Integer, Double>[][] rows = new Map[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                rows[i][j] = new HashMap<>();
                double[][][] a = whitened.a[i][j];
                x.addTraceProduct(rows[i][j], a[0], a[1], 1.0);
            }
        }
        for (int k = 0; k < fisher.coordinates; k++) {
            int tau = firstExtra + k;
            program.setObjective(tau, reference[k] / referenceSum);
            PsdBlock b = program.addPsd(p + 1);
            for (int i = 0; i < p; i++) {
                for (int j = i; j < p; j++) {
                    for (Map.Entry<Integer, Double> e : rows[i][j].entrySet()) {
                        b.addCoefficient(e.getKey(), i, j, e.getValue());
                    }
                }
                b.addConstant(i, p, whitening[i][k] / Math.sqrt(reference[k]));
            }
            b.addCoefficient(tau, p, p, 1.0);
        }
    }

    @Override
    double objectiveSi(double primalObjective) {
        return referenceSum / powerW * primalObjective;
    }
}
