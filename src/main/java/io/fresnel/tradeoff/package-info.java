/**
 * The tradeoff explorer's engine: Pareto fronts between a sensing measure and a communication or
 * secrecy measure, traced by re-running a design over a constraint level.
 *
 * <p>A {@link io.fresnel.tradeoff.TradeoffKind} names the front (paper 004's sum CRB versus the
 * SINR requirement, paper 000's max-min secrecy versus its range- or angle-CRB bound, paper 001's
 * secrecy versus the PCRB bound), the level it sweeps and its two measures;
 * {@link io.fresnel.tradeoff.TradeoffKind#availableFor} says which fronts a scene is offered.
 * {@link io.fresnel.tradeoff.TradeoffTracer} traces one, coarse first and then refined,
 * cancellable and with progress ({@link io.fresnel.tradeoff.TradeoffListener}); every point is a
 * full design result re-evaluated by the metric code, and infeasible or failed points stay in the
 * {@link io.fresnel.tradeoff.TradeoffFront}, which flags the dominated ones and places any other
 * design (the one in force) on, inside or beyond the front. {@link io.fresnel.tradeoff.TradeoffCsv}
 * formats a front as CSV.
 *
 * <p>Layer: uses the design API ({@link io.fresnel.design.Designs}), the metrics, the physics
 * and the model; used by the window and the command line. No JavaFX, no files.
 */
package io.fresnel.tradeoff;
