package io.fresnel.tradeoff;

import io.fresnel.design.DesignResult;
import java.util.Locale;

/**
 * A front as CSV text (UTF-8, one header line, one row per level, ascending; SI values):
 * {@code tradeoff,algorithm,level,state,dominated,sensing,communication,design_status,objective,
 * iterations,seconds,message}. {@code level} is the swept level (the SINR requirement Gamma
 * linear, or the bound in m^2 or rad^2), {@code sensing} and {@code communication} the two
 * measures of {@link TradeoffKind} (empty when the point has none), {@code state} one of
 * {@code feasible}, {@code infeasible}, {@code violates a constraint}, {@code failed}.
 */
public final class TradeoffCsv {
    /** The header line (without its newline). */
    public static final String HEADER = "tradeoff,algorithm,level,state,dominated,sensing,communication,design_status,"
            + "objective,iterations,seconds,message";

    private TradeoffCsv() {
    }

    /**
     * @param front the front
     * @return its CSV text, ending with a newline
     */
    public static String format(TradeoffFront front) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (TradeoffPoint p : front.points()) {
            DesignResult d = p.design();
            b.append(front.kind().key()).append(',').append(front.algorithm()).append(',').append(number(p.level()))
                    .append(',').append(p.state().text()).append(',').append(p.dominated()).append(',')
                    .append(number(p.sensing())).append(',').append(number(p.communication())).append(',')
                    .append(d == null ? "" : d.status().jsonName()).append(',')
                    .append(d == null || d.objective() == null ? "" : number(d.objective())).append(',')
                    .append(d == null ? "" : Integer.toString(d.iterations())).append(',')
                    .append(d == null ? "" : String.format(Locale.ROOT, "%.3f", d.seconds())).append(',')
                    .append(quoted(p.message())).append('\n');
        }
        return b.toString();
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.10g", v) : "";
    }

    private static String quoted(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replace('\n', ' ').replace('\r', ' ');
        return one.contains(",") || one.contains("\"") ? "\"" + one.replace("\"", "\"\"") + "\"" : one;
    }
}
