package io.fresnel.design.rsma;

/**
 * One CRB constraint of paper 000, (25b) or (25c).
 *
 * @param target the target's index in the scenario
 * @param angle true: the angle CRB (rad^2); false: the range CRB (m^2)
 * @param max the bound (rad^2 or m^2)
 */
record CrbLimit(int target, boolean angle, double max) {
}
