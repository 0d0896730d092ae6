package io.fresnel.design.sdr;

/**
 * {@code illumination-maxmin-sdr}: paper 004 (P2), eq. (38): maximise min_k v(p_k)^T R_X v(p_k)^*
 * (24) s.t. the users' SINRs &gt;= 2^min_rate - 1 and the power budget; (SDR2.1) with the
 * reduction of Prop. 4 and the rank-one construction of Prop. 3. Objective: the smallest
 * {@code illumination_w} (W). Fully digital.
 */
public final class IlluminationMaxMinSdrDesign extends MaxMinPowerSdrDesign {

    public IlluminationMaxMinSdrDesign() {
        super(false);
    }

    @Override
    public String name() {
        return "illumination-maxmin-sdr";
    }

    @Override
    public String description() {
        return "Max-min illumination SDR (paper 004 P2) s.t. user SINRs and power";
    }
}
