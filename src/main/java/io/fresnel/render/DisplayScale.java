package io.fresnel.render;

/**
 * How a layer's SI values are shown: the mapping to display units, the colour-bar label and the
 * default colour range. Patterns are shown in dBm (10 log10(W / 1 mW)), SINR in dB
 * (10 log10), secrecy rates linearly in bit/s/Hz and PEB as log10 of metres.
 *
 * @param mapping SI value to display value
 * @param label the colour-bar label with its unit, e.g. {@code Beampattern (dBm)}
 * @param defaultSpan the default width of the colour range (display units): the top 40 dB of
 *     patterns and SINR, the best 4 decades of PEB; NaN for the full range (secrecy)
 */
public record DisplayScale(Mapping mapping, String label, double defaultSpan) {

    /** Default dynamic range of dB layers (dB). */
    public static final double DEFAULT_DYNAMIC_RANGE_DB = 40;
    /** Default range of PEB maps (decades above the smallest PEB). */
    public static final double DEFAULT_PEB_DECADES = 4;

    /** The SI-to-display mappings. */
    public enum Mapping {
        /** 10 log10(x / 1e-3): watts to dBm. */
        DBM,
        /** 10 log10(x): a linear ratio to dB. */
        DB,
        /** x unchanged. */
        LINEAR,
        /** log10(x). */
        LOG10
    }

    /** Validates the fields. */
    public DisplayScale {
        if (mapping == null || label == null) {
            throw new IllegalArgumentException("a display scale needs a mapping and a label");
        }
        if (!Double.isNaN(defaultSpan) && !(defaultSpan > 0 && Double.isFinite(defaultSpan))) {
            throw new IllegalArgumentException("the default span must be > 0 or NaN (got " + defaultSpan + ")");
        }
    }

    /**
     * @param layer a layer
     * @return how that layer is shown by default
     */
    public static DisplayScale of(Layer layer) {
        if (layer instanceof Layer.Beampattern || layer instanceof Layer.StreamPattern) {
            return new DisplayScale(Mapping.DBM, layer.label() + " (dBm)", DEFAULT_DYNAMIC_RANGE_DB);
        }
        if (layer instanceof Layer.Sinr || layer instanceof Layer.Music) {
            return new DisplayScale(Mapping.DB, layer.label() + " (dB)", DEFAULT_DYNAMIC_RANGE_DB);
        }
        if (layer instanceof Layer.Secrecy) {
            return new DisplayScale(Mapping.LINEAR, layer.label() + " (bit/s/Hz)", Double.NaN);
        }
        return new DisplayScale(Mapping.LOG10, layer.label() + " (m, log)", DEFAULT_PEB_DECADES);
    }

    /**
     * @param si a value in SI units
     * @return the display value (-infinity for 0 on a logarithmic mapping; NaN stays NaN)
     */
    public double toDisplay(double si) {
        return switch (mapping) {
            case DBM -> 10 * Math.log10(si / 1e-3);
            case DB -> 10 * Math.log10(si);
            case LINEAR -> si;
            case LOG10 -> Math.log10(si);
        };
    }

    /**
     * @param display a display value
     * @return the SI value it shows
     */
    public double toSi(double display) {
        return switch (mapping) {
            case DBM -> 1e-3 * Math.pow(10, display / 10);
            case DB -> Math.pow(10, display / 10);
            case LINEAR -> display;
            case LOG10 -> Math.pow(10, display);
        };
    }

    /** @return whether the mapping is in decibels (a dynamic range in dB applies) */
    public boolean isDecibel() {
        return mapping == Mapping.DBM || mapping == Mapping.DB;
    }

    /**
     * The default colour range of a field: the top {@link #defaultSpan()} below the maximum for
     * dB layers, [0, max] for secrecy, [min, min + span] (capped at the maximum) for PEB.
     *
     * @param field the field
     * @return {lo, hi} in display units, lo &lt; hi (a unit-wide range when the field is flat or
     *     has no finite value)
     */
    public double[] defaultRange(Field field) {
        if (isDecibel()) {
            return rangeBelowMax(field, defaultSpan);
        }
        if (mapping == Mapping.LINEAR) {
            double max = field.maxFinite();
            double min = field.minFinite();
            return widen(Math.min(0, Double.isNaN(min) ? 0 : min), Double.isNaN(max) ? 1 : max);
        }
        double lo = toDisplay(field.minPositive());
        double hi = toDisplay(field.maxFinite());
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            return new double[] {0, 1};
        }
        return widen(lo, Math.min(hi, lo + defaultSpan));
    }

    /**
     * @param field the field
     * @param span the width of the range (display units, > 0)
     * @return {max - span, max} in display units
     * @throws IllegalArgumentException when span is not a positive number
     */
    public double[] rangeBelowMax(Field field, double span) {
        if (!(span > 0) || !Double.isFinite(span)) {
            throw new IllegalArgumentException("the dynamic range must be a positive number (got " + span + ")");
        }
        double hi = toDisplay(field.maxFinite());
        if (!Double.isFinite(hi)) {
            return new double[] {-span, 0};
        }
        return new double[] {hi - span, hi};
    }

    /**
     * A colour-bar tick label: the display value, or for PEB the distance in metres it stands for.
     *
     * @param display a display value
     * @param step the spacing of neighbouring ticks (display units; 0 when unknown)
     * @return e.g. {@code -12.5} or, for PEB, {@code 0.001}
     */
    public String formatTick(double display, double step) {
        if (mapping == Mapping.LOG10) {
            return Ticks.format(Math.pow(10, display), Math.pow(10, display) / 10);
        }
        return Ticks.format(display, step);
    }

    private static double[] widen(double lo, double hi) {
        if (!(hi > lo)) {
            return new double[] {lo - 0.5, lo + 0.5};
        }
        return new double[] {lo, hi};
    }
}
