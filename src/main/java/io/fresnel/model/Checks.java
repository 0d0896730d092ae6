package io.fresnel.model;

import io.fresnel.math.Complex;
import io.fresnel.math.Vec3;

/**
 * Argument checks shared by the model records. Every failure is an
 * {@link IllegalArgumentException} whose message starts with the scenario-file field name,
 * so that a reader can prefix the path of the enclosing object and show it to the user.
 */
final class Checks {
    /** Largest coordinate magnitude accepted (m); keeps every distance far from overflow. */
    static final double MAX_COORDINATE_M = Envelope.MAX_COORDINATE_M;

    private Checks() {
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number (got " + value + ")");
        }
        return value;
    }

    static double positive(String field, double value) {
        finite(field, value);
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be > 0 (got " + value + ")");
        }
        return value;
    }

    static double nonNegative(String field, double value) {
        finite(field, value);
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0 (got " + value + ")");
        }
        return value;
    }

    static Vec3 finite(String field, Vec3 value) {
        required(field, value);
        if (!value.isFinite()) {
            throw new IllegalArgumentException(field + " must have finite coordinates (got " + value + ")");
        }
        if (Math.abs(value.x()) > MAX_COORDINATE_M || Math.abs(value.y()) > MAX_COORDINATE_M
                || Math.abs(value.z()) > MAX_COORDINATE_M) {
            throw new IllegalArgumentException(field + " must have coordinates within +-" + MAX_COORDINATE_M
                    + " m (got " + value + ")");
        }
        return value;
    }

    static Complex finite(String field, Complex value) {
        required(field, value);
        if (!value.isFinite()) {
            throw new IllegalArgumentException(field + " must be a finite complex number (got " + value + ")");
        }
        return value;
    }

    /**
     * Keeps a uniform array inside the coordinate envelope and its elements apart.
     *
     * @param field the spacing's field name
     * @param spacingM the element spacing (m, > 0)
     * @param gaps the number of spacings along the longest side
     * @param anchor the array's anchor (centre or first element)
     */
    static void arrayExtent(String field, double spacingM, int gaps, Vec3 anchor) {
        if (spacingM < Scenario.MIN_ELEMENT_DISTANCE_M) {
            throw new IllegalArgumentException(field + " must be >= " + Scenario.MIN_ELEMENT_DISTANCE_M
                    + " m (got " + spacingM + ")");
        }
        double reach = Math.max(Math.abs(anchor.x()), Math.max(Math.abs(anchor.y()), Math.abs(anchor.z())))
                + gaps * spacingM;
        if (reach > MAX_COORDINATE_M) {
            throw new IllegalArgumentException(field + ": the array reaches " + reach + " m from the origin, beyond"
                    + " the coordinate limit " + MAX_COORDINATE_M + " m (got spacing " + spacingM + " m)");
        }
    }

    static String id(String field, String value) {
        required(field, value);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        return value;
    }
}
