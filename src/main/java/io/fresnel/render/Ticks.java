package io.fresnel.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "Nice" axis ticks: multiples of 1, 2 or 5 times a power of ten, about as many as asked for,
 * and their labels.
 */
final class Ticks {
    private Ticks() {
    }

    /**
     * @param lo lower end of the axis
     * @param hi upper end (> lo)
     * @param target about how many ticks
     * @return the tick values within [lo, hi], increasing
     */
    static List<Double> between(double lo, double hi, int target) {
        double step = step(lo, hi, target);
        List<Double> out = new ArrayList<>();
        double first = Math.ceil(lo / step - 1e-9) * step;
        for (int i = 0; i < 1000; i++) {
            double v = first + i * step;
            if (v > hi + 1e-9 * step) {
                break;
            }
            out.add(Math.abs(v) < 1e-12 * step ? 0.0 : v);
        }
        return out;
    }

    /**
     * @param lo lower end
     * @param hi upper end (> lo)
     * @param target about how many ticks
     * @return the nice step between ticks
     */
    static double step(double lo, double hi, int target) {
        double raw = (hi - lo) / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        double nice = f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10;
        return nice * mag;
    }

    /**
     * @param value a tick value
     * @param step the step between ticks (0 for a free format)
     * @return a short label with just enough decimals for the step
     */
    static String format(double value, double step) {
        if (value == 0) {
            return "0";
        }
        double a = Math.abs(value);
        if (a >= 1e5 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.3g", value);
        }
        int decimals = step > 0 ? Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9)) : (a >= 100 ? 0 : a >= 1 ? 1 : 3);
        return String.format(Locale.ROOT, "%." + Math.min(6, decimals) + "f", value);
    }
}
