package io.fresnel.service;

import io.fresnel.model.CommNode;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.model.Stream;
import io.fresnel.model.StreamRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last successful precoder of each algorithm, offered as the warm start of the next run of
 * the same algorithm when its stream layout fits the new scenario: the precoder is valid for the
 * scenario (antenna count, RF chains and partial-connection structure, stream roles; checked by
 * the scenario model itself) and its private streams serve exactly the scenario's users, in
 * order. The memory is per client generation (a window's document): precoders of a document no
 * longer shown are forgotten, so that a large one does not stay reachable. Thread-safe.
 */
final class WarmStarts {
    private final Map<String, Precoder> last = new ConcurrentHashMap<>();
    private long generation;

    /**
     * Forgets every precoder when the generation differs from the one remembered so far.
     *
     * @param now the generation of the request about to be solved
     */
    synchronized void enter(long now) {
        if (now != generation) {
            last.clear();
            generation = now;
        }
    }

    /**
     * @param algorithm the algorithm name
     * @param precoder its latest successful precoder
     */
    void remember(String algorithm, Precoder precoder) {
        last.put(algorithm, precoder);
    }

    /**
     * @param algorithm the algorithm name
     * @param scenario the scenario about to be solved
     * @return the algorithm's last precoder when its layout fits the scenario, else null
     */
    Precoder lookup(String algorithm, Scenario scenario) {
        Precoder p = last.get(algorithm);
        if (p == null || !privateUsers(p).equals(userIds(scenario))) {
            return null;
        }
        try {
            scenario.withPrecoder(p);
            return p;
        } catch (IllegalArgumentException e) {
            // another array, architecture or node set: the old solution does not apply
            return null;
        }
    }

    private static List<String> privateUsers(Precoder p) {
        List<String> ids = new ArrayList<>();
        for (Stream s : p.streams()) {
            if (s.role() == StreamRole.PRIVATE) {
                ids.add(s.userId());
            }
        }
        return ids;
    }

    private static List<String> userIds(Scenario scenario) {
        List<String> ids = new ArrayList<>();
        for (CommNode u : scenario.users()) {
            ids.add(u.id());
        }
        return ids;
    }
}
