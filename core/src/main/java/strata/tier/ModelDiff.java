package strata.tier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed between two versions of a tier model, tier by tier (matched by id): tiers added and removed, tiers
 * whose place in the order changed, and for the others which parts changed. Conditions are compared as written
 * (whitespace aside), service playbooks and scoring settings by their parsed values, so re-indenting YAML is no change.
 *
 * @param tiers the newer version's tiers in its order, each removed tier after the one it followed in the older
 * @param scoringChanged whether the {@code scoring:} settings differ
 */
public record ModelDiff(boolean nameChanged, boolean scoringChanged, List<TierChange> tiers) {
  public enum Kind { ADDED, REMOVED, CHANGED, UNCHANGED }

  /** A part of a tier that can change. */
  public enum Part { POSITION, NAME, DESCRIPTION, CONDITION, SERVICE }

  /**
   * @param positionBefore 1-based place in the older version, 0 when added
   * @param positionAfter 1-based place in the newer version, 0 when removed
   * @param changed the parts that differ (empty for added, removed and unchanged tiers)
   */
  public record TierChange(String id, Kind kind, int positionBefore, int positionAfter, String conditionBefore,
      String conditionAfter, List<Part> changed) {}

  /** True when nothing differs. */
  public boolean same() {
    return !nameChanged && !scoringChanged && tiers.stream().allMatch(t -> t.kind() == Kind.UNCHANGED);
  }

  public static ModelDiff between(TierModel before, TierModel after) {
    Map<String, Integer> oldPlace = places(before.tiers());
    Map<String, Integer> newPlace = places(after.tiers());
    Set<String> stayedInOrder = longestCommonOrder(before.tiers(), after.tiers(), newPlace);
    List<TierChange> changes = new ArrayList<>();
    for (TierRule t : after.tiers()) {
      Integer was = oldPlace.get(t.id());
      if (was == null) {
        changes.add(new TierChange(t.id(), Kind.ADDED, 0, newPlace.get(t.id()) + 1, null, t.condition(), List.of()));
        continue;
      }
      TierRule old = before.tiers().get(was);
      List<Part> parts = new ArrayList<>();
      if (!stayedInOrder.contains(t.id())) parts.add(Part.POSITION);
      if (!old.nameZh().equals(t.nameZh()) || !old.nameEn().equals(t.nameEn())) parts.add(Part.NAME);
      if (!old.descriptionZh().equals(t.descriptionZh()) || !old.descriptionEn().equals(t.descriptionEn())) {
        parts.add(Part.DESCRIPTION);
      }
      if (!squeeze(old.condition()).equals(squeeze(t.condition()))) parts.add(Part.CONDITION);
      if (!old.service().equals(t.service())) parts.add(Part.SERVICE);
      changes.add(new TierChange(t.id(), parts.isEmpty() ? Kind.UNCHANGED : Kind.CHANGED, was + 1,
          newPlace.get(t.id()) + 1, old.condition(), t.condition(), List.copyOf(parts)));
    }
    for (int i = 0; i < before.tiers().size(); i++) {
      TierRule t = before.tiers().get(i);
      if (newPlace.containsKey(t.id())) continue;
      int at = insertionPoint(changes, i + 1);
      changes.add(at, new TierChange(t.id(), Kind.REMOVED, i + 1, 0, t.condition(), null, List.of()));
    }
    return new ModelDiff(!before.name().equals(after.name()), !before.scoring().equals(after.scoring()),
        List.copyOf(changes));
  }

  /**
   * The ids of tiers kept in the same relative order: the longest common subsequence of the two orders. Only the
   * others moved; tiers shifted by an insertion or by another tier's move did not.
   */
  private static Set<String> longestCommonOrder(List<TierRule> before, List<TierRule> after, Map<String, Integer> in) {
    List<String> a = before.stream().map(TierRule::id).filter(in::containsKey).toList();
    Set<String> kept = new HashSet<>(a);
    List<String> b = after.stream().map(TierRule::id).filter(kept::contains).toList();
    int[][] len = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        len[i][j] = a.get(i).equals(b.get(j)) ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
      }
    }
    Set<String> common = new HashSet<>();
    for (int i = 0, j = 0; i < a.size() && j < b.size(); ) {
      if (a.get(i).equals(b.get(j))) {
        common.add(a.get(i));
        i++;
        j++;
      } else if (len[i + 1][j] >= len[i][j + 1]) {
        i++;
      } else {
        j++;
      }
    }
    return common;
  }

  /** After the last listed tier that stood before old place {@code place}, so a removed tier shows where it was. */
  private static int insertionPoint(List<TierChange> changes, int place) {
    int at = 0;
    for (int k = 0; k < changes.size(); k++) {
      int before = changes.get(k).positionBefore();
      if (before > 0 && before < place) at = k + 1;
    }
    return at;
  }

  private static Map<String, Integer> places(List<TierRule> tiers) {
    Map<String, Integer> place = new HashMap<>();
    for (int i = 0; i < tiers.size(); i++) place.put(tiers.get(i).id(), i);
    return place;
  }

  private static String squeeze(String condition) {
    return condition.strip().replaceAll("\\s+", " ");
  }
}
