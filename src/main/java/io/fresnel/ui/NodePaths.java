package io.fresnel.ui;

import io.fresnel.model.Scenario;
import java.util.List;
import java.util.Optional;

/** Where a node sits in the scenario file: {@code users[0]}, {@code targets[2]}, ... No JavaFX here. */
final class NodePaths {
    private static final String[] LISTS = {"users", "eavesdroppers", "targets", "sensing_eavesdroppers"};

    private NodePaths() {
    }

    private static List<String> ids(Scenario s, String list) {
        return switch (list) {
            case "users" -> s.users().stream().map(n -> n.id()).toList();
            case "eavesdroppers" -> s.eavesdroppers().stream().map(n -> n.id()).toList();
            case "targets" -> s.targets().stream().map(n -> n.id()).toList();
            default -> s.sensingEavesdroppers().stream().map(n -> n.id()).toList();
        };
    }

    /**
     * @param s a scenario
     * @param id a node id
     * @return its path, e.g. {@code users[1]}, or empty when no node has the id
     */
    static Optional<String> of(Scenario s, String id) {
        for (String list : LISTS) {
            int i = ids(s, list).indexOf(id);
            if (i >= 0) {
                return Optional.of(list + "[" + i + "]");
            }
        }
        return Optional.empty();
    }

    /**
     * @param before the scenario before an edit
     * @param after the scenario after it
     * @param id a node of {@code before}
     * @return its new id when the edit renamed it (the node at its place has another id), else empty
     */
    static Optional<String> renamed(Scenario before, Scenario after, String id) {
        if (of(after, id).isPresent()) {
            return Optional.empty();
        }
        for (String list : LISTS) {
            int i = ids(before, list).indexOf(id);
            List<String> now = ids(after, list);
            if (i >= 0 && i < now.size() && ids(before, list).size() == now.size()) {
                return Optional.of(now.get(i));
            }
        }
        return Optional.empty();
    }
}
