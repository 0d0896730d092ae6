package io.fresnel.model;

import io.fresnel.math.Complex;
import java.util.List;

/**
 * How a single-antenna receiver's channel row c is formed (SCENARIO.md section 1):
 * c = g v(p) + sum_l g_l v(q_l), or an explicit {@code channel} that replaces the geometry.
 *
 * @param gain line-of-sight gain g, or null for the default (lambda/(4 pi r) with unit
 *     amplitude, 1 with spherical amplitude)
 * @param channel explicit channel row (N entries), or null
 * @param scatterers scatterers (possibly empty, never null)
 */
public record Link(Complex gain, List<Complex> channel, List<Scatterer> scatterers) {

    /** The default line-of-sight link: default gain, no scatterers. */
    public static final Link LINE_OF_SIGHT = new Link(null, null, List.of());

    /** Validates and copies. */
    public Link {
        if (gain != null) {
            Checks.finite("gain", gain);
            Envelope.magnitude("gain", gain.abs(), Envelope.MAX_GAIN);
        }
        if (channel != null) {
            if (channel.isEmpty()) {
                throw new IllegalArgumentException("channel must not be empty");
            }
            for (int i = 0; i < channel.size(); i++) {
                Checks.finite("channel[" + i + "]", channel.get(i));
                Envelope.magnitude("channel[" + i + "]", channel.get(i).abs(), Envelope.MAX_GAIN);
            }
            channel = List.copyOf(channel);
        }
        scatterers = scatterers == null ? List.of() : List.copyOf(scatterers);
    }
}
