package io.fresnel.ui;

import io.fresnel.model.CommNode;
import io.fresnel.model.Scenario;
import io.fresnel.model.Stream;
import io.fresnel.model.Target;
import io.fresnel.render.Layer;
import java.util.ArrayList;
import java.util.List;

/** The heatmap layers that apply to a scenario, in menu order. */
public final class LayerChoices {
    private LayerChoices() {
    }

    /**
     * @param s the scenario (with the precoder in force, if any)
     * @return the beampattern, each stream's pattern, each user's SINR and secrecy maps, each
     *     target's PEB map and the MUSIC spectrum of one seeded echo (2-D only)
     */
    public static List<Layer> of(Scenario s) {
        List<Layer> out = new ArrayList<>();
        out.add(new Layer.Beampattern());
        if (s.precoder() != null) {
            for (int i = 0; i < s.precoder().streams().size(); i++) {
                out.add(new Layer.StreamPattern(i));
            }
        }
        for (CommNode u : s.users()) {
            out.add(new Layer.Sinr(u.id()));
        }
        for (CommNode u : s.users()) {
            out.add(new Layer.Secrecy(u.id(), null));
        }
        if (s.dimension() == 2 && s.sensing() != null) {
            for (Target t : s.targets()) {
                out.add(new Layer.Peb(t.id()));
            }
            if (!s.targets().isEmpty()) {
                out.add(new Layer.Music(Layer.Music.DEFAULT_SEED));
            }
        }
        return out;
    }

    /**
     * @param s the scenario
     * @param layer a layer
     * @return a menu label, e.g. "stream 2 (private u1)"
     */
    public static String label(Scenario s, Layer layer) {
        if (layer instanceof Layer.StreamPattern sp && s.precoder() != null
                && sp.index() < s.precoder().streams().size()) {
            Stream st = s.precoder().streams().get(sp.index());
            return "stream " + sp.index() + " (" + st.role().name().toLowerCase().replace('_', '-')
                    + (st.userId() != null ? " " + st.userId() : "") + ")";
        }
        return layer.label();
    }
}
