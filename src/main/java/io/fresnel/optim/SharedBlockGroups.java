package io.fresnel.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds the {@link SharedBlockGroup}s of a program. */
final class SharedBlockGroups {
    private SharedBlockGroups() {
    }

    /**
     * The groups of a program: blocks of equal size whose variables with dense F_v (more than 2m stored
     * entries) are the same with bit-identical coefficients, whose other variables are sparse, at least two
     * blocks per group.
     *
     * @param d the (equilibrated) data
     * @return the groups, possibly none
     */
    static List<SharedBlockGroup> detect(ConicData d) {
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (int k = 0; k < d.blocks.length; k++) {
            ConicData.Block blk = d.blocks[k];
            StringBuilder key = new StringBuilder().append(blk.m).append(':');
            int dense = 0;
            for (int j = 0; j < blk.vars.length; j++) {
                if (blk.vals[j].length > 2 * blk.m) {
                    dense++;
                    key.append(blk.vars[j]).append('/').append(Arrays.hashCode(blk.vals[j]))
                            .append('/').append(Arrays.hashCode(blk.rows[j])).append('/')
                            .append(Arrays.hashCode(blk.cols[j])).append(';');
                }
            }
            if (dense > 0) {
                byKey.computeIfAbsent(key.toString(), x -> new ArrayList<>()).add(k);
            }
        }
        List<SharedBlockGroup> groups = new ArrayList<>();
        for (List<Integer> candidates : byKey.values()) {
            if (candidates.size() < 2) {
                continue;
            }
            ConicData.Block first = d.blocks[candidates.get(0)];
            List<Integer> members = new ArrayList<>();
            for (int k : candidates) {
                if (sameDense(first, d.blocks[k])) {
                    members.add(k);
                }
            }
            if (members.size() < 2) {
                continue;
            }
            List<Integer> sharedList = new ArrayList<>();
            boolean[] inSupport = new boolean[first.m];
            for (int j = 0; j < first.vars.length; j++) {
                if (first.vals[j].length > 2 * first.m) {
                    sharedList.add(first.vars[j]);
                    for (int r : first.rows[j]) {
                        inSupport[r] = true;
                    }
                }
            }
            int[] shared = sharedList.stream().mapToInt(Integer::intValue).toArray();
            int[][] own = new int[members.size()][];
            for (int i = 0; i < members.size(); i++) {
                ConicData.Block blk = d.blocks[members.get(i)];
                List<Integer> o = new ArrayList<>();
                for (int j = 0; j < blk.vars.length; j++) {
                    if (blk.vals[j].length <= 2 * blk.m) {
                        o.add(j);
                    }
                }
                own[i] = o.stream().mapToInt(Integer::intValue).toArray();
            }
            int[] support = java.util.stream.IntStream.range(0, first.m).filter(a -> inSupport[a]).toArray();
            groups.add(new SharedBlockGroup(d, members.stream().mapToInt(Integer::intValue).toArray(), shared, own,
                    support));
        }
        return groups;
    }

    /** Whether b has the dense variables of a, in the same order, with identical coefficients. */
    private static boolean sameDense(ConicData.Block a, ConicData.Block b) {
        List<Integer> ja = new ArrayList<>();
        List<Integer> jb = new ArrayList<>();
        for (int j = 0; j < a.vars.length; j++) {
            if (a.vals[j].length > 2 * a.m) {
                ja.add(j);
            }
        }
        for (int j = 0; j < b.vars.length; j++) {
            if (b.vals[j].length > 2 * b.m) {
                jb.add(j);
            }
        }
        if (a.m != b.m || ja.size() != jb.size()) {
            return false;
        }
        for (int i = 0; i < ja.size(); i++) {
            int x = ja.get(i);
            int y = jb.get(i);
            if (a.vars[x] != b.vars[y] || !Arrays.equals(a.vals[x], b.vals[y]) || !Arrays.equals(a.rows[x], b.rows[y])
                    || !Arrays.equals(a.cols[x], b.cols[y])) {
                return false;
            }
        }
        return true;
    }
}
