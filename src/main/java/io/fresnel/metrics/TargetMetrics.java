package io.fresnel.metrics;

/**
 * Sensing metrics of one target (SCENARIO.md section 2). Null fields do not exist for the
 * scenario: joint-FIM bounds are null (and {@code error} set) when the joint FIM is singular;
 * 2-D and 3-D bounds exclude each other; PCRBs need a prior.
 *
 * @param id target id
 * @param illuminationW v(p)^T R_X v(p)^* (W); null without a precoder
 * @param echoPowerW |beta|^2 ||a(p)||^2 v^T R_X v^* (W); null without a precoder
 * @param error why the joint FIM is singular, or null
 * @param efimM2 inverse of the target's block of the joint CRB (m^-2): 2-D: 2x2, [x, y] order (printed as
 *     {@code efim_m_minus2}); 3-D: 3x3, [x, y, z] order (not printed; the 3-D view draws the error
 *     ellipsoid from it)
 * @param spebM2 2-D: trace of that CRB block (m^2)
 * @param pebM 2-D: sqrt(speb) (m)
 * @param crbAngleRad2 2-D: polar CRB of the angle about o (rad^2)
 * @param crbRangeM2 2-D: polar CRB of the range (m^2)
 * @param crbAngleRangeRadM 2-D: cross term (rad m)
 * @param crbAngleKnownRangeRad2 2-D: angle CRB with every target's range known (rad^2)
 * @param crbRangeKnownAngleM2 2-D: range CRB with every target's angle known (m^2)
 * @param crbXM2 3-D: CRB of x (m^2)
 * @param crbYM2 3-D: CRB of y (m^2)
 * @param crbZM2 3-D: CRB of z (m^2)
 * @param crbPositionM2 3-D: crb_x + crb_y + crb_z (m^2), paper 004 eq. (22)
 * @param pcrbRad2 paper 001 eq. (21) (rad^2)
 * @param pcrbUpperRad2 paper 001 eq. (23) (rad^2)
 * @param pcrbUpperApproxRad2 paper 001 eq. (24), corrected (rad^2)
 * @param overheard what the target overhears when it eavesdrops, or null
 */
public record TargetMetrics(String id, Double illuminationW, Double echoPowerW, String error, double[][] efimM2,
        Double spebM2, Double pebM, Double crbAngleRad2, Double crbRangeM2, Double crbAngleRangeRadM,
        Double crbAngleKnownRangeRad2, Double crbRangeKnownAngleM2, Double crbXM2, Double crbYM2, Double crbZM2,
        Double crbPositionM2, Double pcrbRad2, Double pcrbUpperRad2, Double pcrbUpperApproxRad2,
        EavesdropperMetrics overheard) {
}
