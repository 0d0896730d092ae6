package io.fresnel.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.regex.Pattern;

/**
 * The display units of the scenario editor and the text of its fields: a value is stored in SI
 * (as in the file) and shown in the unit of its row, e.g. GHz, mm, dBm, degrees or dB. The text
 * the user types is parsed strictly (a decimal number, no NaN or Infinity, a dot as decimal
 * separator whatever the locale) and converted to the file's JSON value; whether the value is
 * acceptable is then for the scenario reader to say. No JavaFX here.
 */
final class FieldText {
    private static final JsonNodeFactory J = JsonNodeFactory.instance;
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern SEPARATOR = Pattern.compile("\\s*[,;]\\s*|\\s+");

    /**
     * A unit at the edge: how an SI value is shown and how a shown value is stored.
     *
     * @param label the unit's symbol shown in the row's name ("" for a pure number)
     * @param toDisplay SI to display
     * @param toSi display to SI
     */
    record Unit(String label, DoubleUnaryOperator toDisplay, DoubleUnaryOperator toSi) {
        /** Metres, m/s, W, rad^2, ...: shown as stored. */
        static Unit si(String label) {
            return new Unit(label, v -> v, v -> v);
        }

        /** Gigahertz for a frequency in Hz. */
        static final Unit GHZ = new Unit("GHz", Units::hzToGhz, Units::ghzToHz);
        /** Millimetres for a length in m. */
        static final Unit MM = new Unit("mm", v -> v * 1e3, v -> v / 1e3);
        /** dBm for a power in W. */
        static final Unit DBM = new Unit("dBm", Units::wattsToDbm, Units::dbmToWatts);
        /** Degrees for an angle in rad. */
        static final Unit DEG = new Unit("deg", Math::toDegrees, Math::toRadians);
        /** A count or a pure number. */
        static final Unit NONE = si("");
    }

    private FieldText() {
    }

    /**
     * @param v a number
     * @return it with up to 10 significant digits, without trailing zeros ("28", "5.353564", "1E-11")
     */
    static String format(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal b = new BigDecimal(v).round(new MathContext(10)).stripTrailingZeros();
        double a = Math.abs(v);
        return a >= 1e-4 && a < 1e9 ? b.toPlainString() : b.toString();
    }

    /**
     * @param si a value in SI, or null
     * @param unit its display unit
     * @return the text shown ("" for null)
     */
    static String show(Double si, Unit unit) {
        return si == null ? "" : format(unit.toDisplay().applyAsDouble(si));
    }

    /**
     * @param text the user's text
     * @param field the field's path, for the message
     * @return the number
     * @throws IllegalArgumentException "field: not a number (got "...")"
     */
    static double number(String text, String field) {
        String t = text.trim();
        if (!NUMBER.matcher(t).matches()) {
            throw new IllegalArgumentException(field + ": not a number (got \"" + t + "\")");
        }
        double v = Double.parseDouble(t);
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(field + ": the number " + t + " is too large");
        }
        return v;
    }

    /**
     * The JSON value of a number typed in a display unit: a whole number stays an integer (so
     * that the reader accepts it for a count), anything else is a double in SI.
     *
     * @param text the user's text ("" gives null: the field is removed)
     * @param unit the display unit
     * @param field the field's path, for the message
     * @return the JSON value, or null
     */
    static JsonNode value(String text, Unit unit, String field) {
        if (text.isBlank()) {
            return null;
        }
        double shown = number(text, field);
        double si = unit.toSi().applyAsDouble(shown);
        if (!Double.isFinite(si)) {
            throw new IllegalArgumentException(field + ": " + text.trim() + " " + unit.label() + " is out of range");
        }
        if (unit.label().isEmpty() && si == Math.rint(si) && Math.abs(si) <= 0x1p53) {
            return J.numberNode((long) si);
        }
        return J.numberNode(si);
    }

    /**
     * @param text numbers separated by commas, semicolons or spaces
     * @param unit the display unit of each
     * @param field the field's path, for the message
     * @return the SI values
     */
    static List<Double> numbers(String text, Unit unit, String field) {
        List<Double> out = new ArrayList<>();
        if (text.isBlank()) {
            return out;
        }
        for (String part : SEPARATOR.split(text.trim())) {
            out.add(unit.toSi().applyAsDouble(number(part, field)));
        }
        return out;
    }

    /**
     * @param values SI values
     * @param unit their display unit
     * @return the text shown, e.g. "10, -20"
     */
    static String show(List<Double> values, Unit unit) {
        List<String> parts = new ArrayList<>();
        values.forEach(v -> parts.add(format(unit.toDisplay().applyAsDouble(v))));
        return String.join(", ", parts);
    }

    /**
     * @param values SI values
     * @return them as a JSON list
     */
    static ArrayNode list(List<Double> values) {
        ArrayNode a = J.arrayNode(values.size());
        values.forEach(a::add);
        return a;
    }

    /**
     * A point typed as "x, y, z" (m); "x, y" means z = 0.
     *
     * @param text the user's text ("" gives null)
     * @param field the field's path
     * @return the JSON point, or null
     */
    static JsonNode point(String text, String field) {
        if (text.isBlank()) {
            return null;
        }
        List<Double> v = numbers(text, Unit.si("m"), field);
        if (v.size() == 2) {
            v.add(0.0);
        }
        if (v.size() != 3) {
            throw new IllegalArgumentException(field + ": give x, y or x, y, z in metres (got \"" + text.trim()
                    + "\")");
        }
        return list(v);
    }
}
