package io.fresnel.design.sdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link SinrPowerFloor}: the smallest power meeting the users' SINRs, against a power-minimisation
 * SDP solved with cvxopt (min sum tr W_u s.t. h_u^H W_u h_u / Gamma_u - sum_{w != u} h_u^H W_w h_u &gt;=
 * sigma_u^2, W_u &gt;= 0; tolerances 1e-11) and against closed forms.
 */
class SinrPowerFloorTest {
    private static final double[][][] TWO = {
        {{1.0, -0.3, 0.7}, {0.5, 0.2, -0.1}},
        {{0.2, 0.9, -0.5}, {-0.4, 0.3, 0.6}}};

    @Test
    void twoCoupledUsersNeedWhatTheSdpSays() {
        double p = SinrPowerFloor.lowerBound(TWO, new double[] {1e-3, 2e-3}, new double[] {20, 35}, 1.0);
        assertEquals(0.061628155359611796, p, 1e-9 * p); // cvxopt's optimum of the SDP above
    }

    @Test
    void aBudgetBelowTheFloorIsExceededAndOneAboveIsNot() {
        double[] noise = {1e-3, 2e-3};
        double[] gamma = {20, 35};
        assertTrue(SinrPowerFloor.lowerBound(TWO, noise, gamma, 0.05) > 0.05 * (1 + 1e-9));
        assertTrue(SinrPowerFloor.lowerBound(TWO, noise, gamma, 0.07) <= 0.07);
    }

    @Test
    void oneUserOrOrthogonalUsersNeedGammaSigmaSquaredOverTheirGain() {
        double[][][] ortho = {{{2, 0}, {0, 0}}, {{0, 0}, {0, 3}}};
        double p = SinrPowerFloor.lowerBound(ortho, new double[] {0.5, 0.2}, new double[] {10, 100}, 1e3);
        assertEquals(10 * 0.5 / 4 + 100 * 0.2 / 9, p, 1e-12 * p);
        double one = SinrPowerFloor.lowerBound(ortho, new double[] {0.5, 0.2}, new double[] {10, 0}, 1e3);
        assertEquals(10 * 0.5 / 4, one, 1e-12 * one);
        assertEquals(0, SinrPowerFloor.lowerBound(ortho, new double[] {0.5, 0.2}, new double[] {0, 0}, 1e3));
    }

    @Test
    void parallelChannelsWithTwoRequirementsAboveOneDiverge() {
        // the same direction for both users: SINRs Gamma_1, Gamma_2 with Gamma_1 Gamma_2 >= 1 are
        // unreachable at any power; the bound leaves every budget behind
        double[][][] same = {{{1, 0}, {0, 0}}, {{1, 0}, {0, 0}}};
        double p = SinrPowerFloor.lowerBound(same, new double[] {1, 1}, new double[] {2, 2}, 1e3);
        assertTrue(p > 1e3, "bound " + p);
    }
}
