package io.fresnel.design.sdr;

/**
 * {@code echo-maxmin-sdr}: paper 004 (P3), eq. (39): maximise min_k |beta_k|^2 ||a(p_k)||^2
 * v(p_k)^T R_X v(p_k)^* (25, with |b_k|^2 per ERRATA 004.1) s.t. the users' SINRs and the power
 * budget; (46) relaxed and reduced as (P2). Objective: the smallest {@code echo_power_w} (W).
 * With one target it coincides with {@code illumination-maxmin-sdr}. Fully digital.
 */
public final class EchoMaxMinSdrDesign extends MaxMinPowerSdrDesign {

    public EchoMaxMinSdrDesign() {
        super(true);
    }

    @Override
    public String name() {
        return "echo-maxmin-sdr";
    }

    @Override
    public String description() {
        return "Max-min echo power SDR (paper 004 P3) s.t. user SINRs and power";
    }
}
