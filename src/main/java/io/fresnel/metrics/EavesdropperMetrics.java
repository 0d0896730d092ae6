package io.fresnel.metrics;

import java.util.Map;

/**
 * What one eavesdropper (or eavesdropping target) overhears: per private stream, keyed by the
 * stream's user id, the SINR and rate of decoding that stream with every other stream as noise;
 * and for RSMA the common stream with every other stream as noise.
 *
 * @param id eavesdropper id
 * @param sinr per user id: SINR of that user's private stream (linear)
 * @param rateBpsHz per user id: log2(1 + sinr) (bit/s/Hz)
 * @param commonSinr common-stream SINR (linear), or null without a common stream
 * @param commonRateBpsHz common-stream rate (bit/s/Hz), or null
 */
public record EavesdropperMetrics(String id, Map<String, Double> sinr, Map<String, Double> rateBpsHz,
        Double commonSinr, Double commonRateBpsHz) {

    /** Copies the maps. */
    public EavesdropperMetrics {
        sinr = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sinr));
        rateBpsHz = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rateBpsHz));
    }
}
