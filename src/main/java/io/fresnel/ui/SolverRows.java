package io.fresnel.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fresnel.design.Design;
import io.fresnel.design.DesignException;
import io.fresnel.design.Designs;
import io.fresnel.design.SolverParameter;
import io.fresnel.io.ScenarioPatch;
import io.fresnel.model.Scenario;
import io.fresnel.ui.FieldRow.Option;
import io.fresnel.ui.FieldText.Unit;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of the chosen beamformer's solver parameters (thresholds, bounds, iteration limits,
 * seeds), from the design's own descriptors ({@link Design#parameters()}). An edit is written into
 * the scenario's solver block, which then names the chosen algorithm (as the power-split
 * sliders do), and is checked with the design's rule for the parameter before it is applied; the
 * design re-runs on the edit. Values are SI, with the descriptor's unit.
 */
final class SolverRows {
    static final String SOLVER = "Solver";
    private static final JsonNodeFactory J = JsonNodeFactory.instance;

    private SolverRows() {
    }

    /**
     * @param s the scenario
     * @param algorithm the chosen beamformer, or null
     * @param e applies the edits
     * @return the rows
     */
    static List<FieldRow> of(Scenario s, String algorithm, SheetEdits e) {
        List<FieldRow> rows = new ArrayList<>();
        if (algorithm == null) {
            rows.add(FieldRow.fixed(SOLVER, "Beamformer", "choose one in the toolbar", () -> "none: the file's precoder"));
            return rows;
        }
        Design d = Designs.byName(algorithm);
        rows.add(FieldRow.fixed(SOLVER, "Beamformer", d.description(), () -> algorithm));
        List<String> sliders = PowerSplits.of(algorithm).stream().map(PowerSplits.Split::key).toList();
        for (SolverParameter p : d.parameters()) {
            if (!sliders.contains(p.key())) {
                rows.add(row(s, algorithm, p, e));
            }
        }
        if (rows.size() == 1 && sliders.isEmpty()) {
            rows.add(FieldRow.fixed(SOLVER, "Parameters", "", () -> "none"));
        }
        return rows;
    }

    private static FieldRow row(Scenario s, String algorithm, SolverParameter p, SheetEdits e) {
        String path = "solver." + p.key();
        Object v = s.solver() == null ? null : s.solver().parameters().get(p.key());
        String shown = v instanceof Number n ? FieldText.format(n.doubleValue()) : v == null ? "" : String.valueOf(v);
        String prompt = p.kind() == SolverParameter.Kind.REQUIRED_POSITIVE ? "required"
                : p.hasDefault() ? "default " + (p.kind() == SolverParameter.Kind.INTEGER
                        ? Long.toString((long) p.defaultValue()) : FieldText.format(p.defaultValue())) : "none";
        String name = p.key() + (p.unit().isEmpty() ? "" : " (" + p.unit() + ")");
        if (p.kind() == SolverParameter.Kind.CHOICE) {
            List<Option> options = p.choices().stream().map(c -> new Option(c, c)).toList();
            return FieldRow.choice(SOLVER, name, p.meaning(), path, options, () -> v == null ? p.choices().get(0)
                    : String.valueOf(v), k -> commit(s, algorithm, p, J.textNode(k), e));
        }
        Unit unit = p.kind() == SolverParameter.Kind.INTEGER ? Unit.NONE : Unit.si("");
        return FieldRow.text(SOLVER, name, p.meaning(), path, () -> shown, t -> {
            JsonNode value;
            try {
                value = FieldText.value(t, unit, path);
            } catch (IllegalArgumentException ex) {
                e.apply(p.key(), () -> {
                    throw ex;
                });
                return;
            }
            commit(s, algorithm, p, value, e);
        }, prompt);
    }

    private static void commit(Scenario s, String algorithm, SolverParameter p, JsonNode value, SheetEdits e) {
        e.apply(p.key(), () -> {
            ScenarioPatch.Result r = ScenarioPatch.edit(e.scenario(), "solver." + p.key(), root -> {
                ScenarioPatch.put(root, "solver.algorithm", J.textNode(algorithm));
                ScenarioPatch.put(root, "solver." + p.key(), value);
            });
            try {
                p.read(algorithm, r.scenario().solver().parameters());
            } catch (DesignException ex) {
                throw new IllegalArgumentException(ex.getMessage(), ex);
            }
            return r;
        });
    }
}
