package io.fresnel.design.rsma;

import io.fresnel.design.DesignStatus;
import io.fresnel.math.ComplexMatrix;
import io.fresnel.model.CommNode;
import io.fresnel.model.Precoder;
import io.fresnel.model.Stream;
import io.fresnel.model.StreamRole;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run of {@link RsmaSolver} ends with: the normalised precoder P (fully digital) or F_A
 * and F_D (hybrid; F_D normalised so that ||F_A F_D||_F = 1), or neither (cancelled, or no point
 * meeting the CRB bounds found), with the secrecy rates the solver's model gives it.
 *
 * @param status how the run ended
 * @param iterations surrogate (52) solves used
 * @param message what happened, for the user
 * @param columnsRe Re P, N x streams (digital), or null
 * @param columnsIm Im P, or null
 * @param analog {Re F_A, Im F_A}, N x L (hybrid), or null
 * @param digital {Re F_D, Im F_D}, L x streams (hybrid), or null
 * @param secrecy the private secrecy rates (bit/s/Hz), or null
 * @param commonSecrecy the common secrecy rate (bit/s/Hz)
 * @param pmax the power budget P_th (W) the precoder is scaled to
 */
record RsmaOutcome(DesignStatus status, int iterations, String message, double[][] columnsRe, double[][] columnsIm,
        double[][][] analog, double[][][] digital, double[] secrecy, double commonSecrecy, double pmax) {

    /** @return a cancelled run's outcome (no precoder) */
    static RsmaOutcome cancelled(int iterations, double pmax) {
        return new RsmaOutcome(DesignStatus.CANCELLED, iterations, "cancelled", null, null, null, null, null, 0, pmax);
    }

    /** @return an outcome without a precoder: no point meeting the bounds was found */
    static RsmaOutcome notFound(int iterations, String message, double pmax) {
        return new RsmaOutcome(DesignStatus.INFEASIBLE, iterations, message, null, null, null, null, null, 0, pmax);
    }

    /** @return whether there is a precoder */
    boolean hasPrecoder() {
        return columnsRe != null || analog != null;
    }

    /**
     * @param streams the streams (common first when there is one)
     * @param users the users (for the common-rate shares)
     * @return the precoder at the full power P_th, with the water-filling split of the common
     *     secrecy rate
     */
    Precoder toPrecoder(List<Stream> streams, List<CommNode> users) {
        var shares = shares(commonSecrecy, secrecy, users);
        boolean hasCommon = streams.get(0).role() == StreamRole.COMMON;
        double f = Math.sqrt(pmax);
        if (analog != null) {
            return new Precoder(streams, null, matrix(analog[0], analog[1]),
                    matrix(Columns.scale(digital[0], f), Columns.scale(digital[1], f)), hasCommon ? shares : null);
        }
        return new Precoder(streams, matrix(Columns.scale(columnsRe, f), Columns.scale(columnsIm, f)), null, null,
                hasCommon ? shares : null);
    }

    /**
     * The common-rate shares R_kc^s / R_c^s of a max-min split: the water level of
     * {@link SecrecyRates#waterLevel} over the weakest users.
     *
     * @return the share of each user (by id), all 0 without a common secrecy rate
     */
    static Map<String, Double> shares(double commonSecrecy, double[] privateSecrecy, List<CommNode> users) {
        Map<String, Double> out = new LinkedHashMap<>();
        int k = privateSecrecy.length;
        if (!(commonSecrecy > 0)) {
            for (CommNode u : users) {
                out.put(u.id(), 0.0);
            }
            return out;
        }
        double level = SecrecyRates.waterLevel(privateSecrecy, commonSecrecy);
        double total = 0;
        double[] f = new double[k];
        for (int i = 0; i < k; i++) {
            f[i] = Math.max(0, level - privateSecrecy[i]) / commonSecrecy;
            total += f[i];
        }
        for (int i = 0; i < k; i++) {
            out.put(users.get(i).id(), total > 1 ? f[i] / total : f[i]);
        }
        return out;
    }

    /** @return the complex matrix re + i im (rows x cols arrays) */
    static ComplexMatrix matrix(double[][] re, double[][] im) {
        int rows = re.length;
        int cols = re[0].length;
        double[] r = new double[rows * cols];
        double[] i = new double[rows * cols];
        for (int c = 0; c < cols; c++) {
            for (int a = 0; a < rows; a++) {
                r[c * rows + a] = re[a][c];
                i[c * rows + a] = im[a][c];
            }
        }
        return ComplexMatrix.ofColumnMajor(rows, cols, r, i);
    }
}
