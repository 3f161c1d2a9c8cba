package strata.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which customer ids a run treats as one customer, and which id survives: each merged id maps to its group's
 * surviving id, the id that came first (the id_a of the first accepted pair that names the group, or the first of a
 * group of ids that differ only by case). Chains close: a=b and b=c make a, b and c one customer a.
 */
public final class IdMerges {
  public static final IdMerges NONE = new IdMerges(Map.of());
  private final Map<String, String> survivor;

  private IdMerges(Map<String, String> survivor) {
    this.survivor = survivor;
  }

  /** The id the run uses for {@code id}: its group's surviving id, or {@code id} itself. */
  public String resolve(String id) {
    return survivor.getOrDefault(id, id);
  }

  public boolean isEmpty() {
    return survivor.isEmpty();
  }

  /** Merged id to surviving id, for every id that does not survive. */
  public Map<String, String> merged() {
    return survivor;
  }

  /**
   * @param pairs accepted pairs {id_a, id_b} in file order
   * @param groups further groups, each in order (the first survives unless an earlier pair named the group)
   */
  public static IdMerges of(List<String[]> pairs, List<List<String>> groups) {
    UnionFind sets = new UnionFind();
    for (String[] p : pairs) sets.union(p[0], p[1]);
    for (List<String> g : groups) {
      for (int i = 1; i < g.size(); i++) sets.union(g.get(0), g.get(i));
    }
    Map<String, String> survivor = new HashMap<>();
    for (String id : sets.parent.keySet()) {
      String root = sets.root(id);
      if (!root.equals(id)) survivor.put(id, root);
    }
    return new IdMerges(Map.copyOf(survivor));
  }

  /** Union-find whose root is always the id seen first, so the survivor is the earliest id of its group. */
  private static final class UnionFind {
    final Map<String, String> parent = new HashMap<>();
    final Map<String, Integer> firstSeen = new HashMap<>();

    void union(String a, String b) {
      String ra = root(add(a));
      String rb = root(add(b));
      if (ra.equals(rb)) return;
      if (firstSeen.get(ra) < firstSeen.get(rb)) parent.put(rb, ra);
      else parent.put(ra, rb);
    }

    String add(String id) {
      if (parent.putIfAbsent(id, id) == null) firstSeen.put(id, firstSeen.size());
      return id;
    }

    String root(String id) {
      String r = id;
      while (!parent.get(r).equals(r)) r = parent.get(r);
      parent.put(id, r); // shortening the path keeps chains short
      return r;
    }
  }

  /**
   * Ids that differ only by case (surrounding spaces are trimmed by every intake), in groups of two or more; each
   * group in the order given, groups by their first id.
   *
   * @param idsInOrder every id once, in the order the files name them
   */
  public static List<List<String>> caseVariants(List<String> idsInOrder) {
    return caseVariants(idsInOrder.size(), idsInOrder::get);
  }

  /**
   * As {@link #caseVariants(List)} for ids by position. Memory is 8 bytes an id, not a map of every id: the case-folded
   * ids are hashed and sorted, and only the ids whose hash repeats (the groups, and rare collisions) are compared as
   * text in a second pass. A run does this for every purchaser, millions of them.
   */
  public static List<List<String>> caseVariants(int n, java.util.function.IntFunction<String> idAt) {
    // Hashed and sorted on every core (a second of one core at 5M ids); 0 marks an id without case, so a folded
    // hash of 0 counts as 1: a forced collision only adds ids to the second pass, which compares text.
    long[] hashes = new long[n];
    java.util.stream.IntStream.range(0, n).parallel().forEach(i -> {
      String id = idAt.apply(i);
      hashes[i] = hasCase(id) ? nonZeroHash(id) : 0;
    });
    java.util.Arrays.parallelSort(hashes);
    java.util.Set<Long> repeated = new java.util.HashSet<>();
    for (int i = 1; i < n; i++) if (hashes[i] != 0 && hashes[i] == hashes[i - 1]) repeated.add(hashes[i]);
    if (repeated.isEmpty()) return List.of();
    Map<String, List<String>> byFolded = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String id = idAt.apply(i);
      if (hasCase(id) && repeated.contains(nonZeroHash(id))) {
        byFolded.computeIfAbsent(folded(id), x -> new ArrayList<>(2)).add(id);
      }
    }
    List<List<String>> groups = new ArrayList<>();
    for (List<String> g : byFolded.values()) {
      if (g.size() > 1) groups.add(List.copyOf(g));
    }
    return groups;
  }

  private static long nonZeroHash(String id) {
    long h = foldedHash(id);
    return h == 0 ? 1 : h;
  }

  /** Case folded char by char, so the hash below needs no folded copy of each id. */
  private static String folded(String id) {
    StringBuilder sb = new StringBuilder(id.length());
    for (int i = 0; i < id.length(); i++) sb.append(Character.toLowerCase(id.charAt(i)));
    return sb.toString();
  }

  /**
   * A hash of the id with its case folded: ids that differ only by case share it. With {@link #hasCase}, what an
   * engine that cannot hold every id needs to find the few that {@link #caseVariants(List)} must see.
   */
  public static long foldedHash(String id) {
    long h = 0xCBF29CE484222325L;
    for (int i = 0; i < id.length(); i++) h = (h ^ Character.toLowerCase(id.charAt(i))) * 0x100000001B3L;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    return h ^ (h >>> 33);
  }

  /** Whether the id has a letter with case (only such ids have variants). */
  public static boolean hasCase(String id) {
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (Character.isUpperCase(c) || Character.isLowerCase(c)) return true;
    }
    return false;
  }
}
