package io.fresnel.metrics;

/**
 * Communication metrics of one user (SCENARIO.md section 2). A field is null when the quantity
 * does not exist for the scenario (SDMA users have no common values, RSMA users no plain
 * {@code sinr}, users without a private stream no private values, no secrecy without
 * eavesdroppers).
 *
 * @param id user id
 * @param sinr SDMA SINR (linear)
 * @param rateBpsHz SDMA rate log2(1 + sinr) (bit/s/Hz)
 * @param commonSinr RSMA common-stream SINR (linear)
 * @param commonRateBpsHz RSMA common rate (bit/s/Hz)
 * @param privateSinr RSMA private SINR after SIC (linear)
 * @param privateRateBpsHz RSMA private rate (bit/s/Hz)
 * @param secrecyRateBpsHz secrecy rate against the worst eavesdropper (bit/s/Hz)
 */
public record UserMetrics(String id, Double sinr, Double rateBpsHz, Double commonSinr, Double commonRateBpsHz,
        Double privateSinr, Double privateRateBpsHz, Double secrecyRateBpsHz) {

    /** @return a copy with the secrecy rate set */
    public UserMetrics withSecrecy(Double secrecy) {
        return new UserMetrics(id, sinr, rateBpsHz, commonSinr, commonRateBpsHz, privateSinr, privateRateBpsHz,
                secrecy);
    }
}
