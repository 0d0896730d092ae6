package io.fresnel.render;

import io.fresnel.localize.EchoModel;
import io.fresnel.localize.MusicSpectrum;
import io.fresnel.model.Scenario;
import io.fresnel.physics.ArrayResponse;
import io.fresnel.math.FastTrig;
import io.fresnel.physics.ScenarioPhysics;
import java.util.SplittableRandom;

/**
 * The MUSIC pseudo-spectrum of {@link Layer.Music}: one echo realisation of every target
 * ({@link EchoModel}, symbols and noise from {@code new SplittableRandom(seed)}, the first trial
 * of {@code localize --seed S} draws from its first split instead), its signal subspace of
 * dimension K = the number of targets, and P(p) = 1 / (1 - f(p)) with the receive response a(p).
 * NaN where a node may not stand (on an element; at o with an expansion phase model).
 */
final class MusicKernel implements PointKernel {
    private final MusicSpectrum spectrum;
    private final ArrayResponse rx;
    private final NodeSite site;

    /**
     * @param scenario a 2-D or 3-D scenario with a precoder and targets
     * @param seed the echo's seed
     * @throws IllegalArgumentException when it has no target or as many targets as receive elements
     */
    MusicKernel(Scenario scenario, long seed) {
        EchoModel echo = new EchoModel(scenario);
        if (echo.targets() >= echo.receivers()) {
            throw new IllegalArgumentException("the MUSIC layer needs more receive elements (" + echo.receivers()
                    + ") than targets (" + echo.targets() + ")");
        }
        this.spectrum = new MusicSpectrum(echo.sampleCovariance(new SplittableRandom(seed)), echo.targets());
        this.rx = new ScenarioPhysics(scenario).receive();
        this.site = new NodeSite(scenario, true);
    }

    @Override
    public Worker worker() {
        int n = rx.size();
        double[] phase = new double[n];
        double[] amplitude = new double[n];
        double[] re = new double[n];
        double[] im = new double[n];
        return (x, y, z) -> {
            if (!site.allows(x, y, z)) {
                return Double.NaN;
            }
            rx.phaseAndAmplitude(x, y, z, phase, amplitude);
            for (int i = 0; i < n; i++) {
                re[i] = amplitude[i] * FastTrig.cos(phase[i]);
                im[i] = -amplitude[i] * FastTrig.sin(phase[i]);
            }
            return MusicSpectrum.pseudoSpectrum(spectrum.signalFraction(re, im));
        };
    }
}
