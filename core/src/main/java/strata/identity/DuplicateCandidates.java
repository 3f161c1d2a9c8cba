package strata.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import strata.intake.CustomerProfile;

/**
 * Customer records that may be one customer: records sharing a normalised e-mail, phone, name or id ignoring case.
 * Only records that share a key are compared (blocking), never all pairs, so the work grows with the number of
 * records, not its square.
 */
public final class DuplicateCandidates {
  private DuplicateCandidates() {}

  /**
   * Keys shared by more records than this are not expanded into pairs: 50 records with one switchboard number would
   * be 1,225 pairs nobody reviews. They are reported as {@link CommonKey}s instead.
   */
  public static final int MAX_BLOCK = 10;
  private static final int EXAMPLES = 5;

  /** A key too common to suggest pairs: which reason, how many records share it, the first few of their ids. */
  public record CommonKey(MatchReason reason, int customers, List<String> exampleIds) {}

  /** Pairs best first (score, then file order); common keys by size, largest first. */
  public record Result(List<CandidatePair> pairs, List<CommonKey> commonKeys) {}

  /** @param profiles in customers-file order; ids are unique (the intake rejects repeated ids) */
  public static Result find(List<CustomerProfile> profiles) {
    Map<Long, Integer> reasonsByPair = new HashMap<>();
    List<CommonKey> common = new ArrayList<>();
    block(profiles, MatchReason.SAME_ID_IGNORING_CASE, p -> p.customerId().strip().toLowerCase(Locale.ROOT),
        reasonsByPair, common);
    block(profiles, MatchReason.SAME_EMAIL, p -> Emails.normalise(p.email()), reasonsByPair, common);
    block(profiles, MatchReason.SAME_PHONE, p -> Phones.normalise(p.phone()), reasonsByPair, common);
    block(profiles, MatchReason.SAME_NAME, p -> CompanyNames.normalise(p.name()), reasonsByPair, common);
    List<CandidatePair> pairs = new ArrayList<>(reasonsByPair.size());
    reasonsByPair.forEach((key, bits) -> {
      int a = (int) (key >>> 32);
      int b = (int) (long) key;
      CustomerProfile pa = profiles.get(a);
      CustomerProfile pb = profiles.get(b);
      pairs.add(new CandidatePair(pa.customerId(), pb.customerId(), MatchReason.score(bits), reasons(bits), pa.name(),
          pb.name()));
    });
    Map<String, Integer> order = new HashMap<>();
    for (int i = 0; i < profiles.size(); i++) order.put(profiles.get(i).customerId(), i);
    pairs.sort(Comparator.comparingDouble(CandidatePair::score).reversed()
        .thenComparingInt(p -> order.get(p.idA())).thenComparingInt(p -> order.get(p.idB())));
    common.sort(Comparator.comparingInt(CommonKey::customers).reversed());
    return new Result(pairs, common);
  }

  private static void block(List<CustomerProfile> profiles, MatchReason reason, Function<CustomerProfile, String> key,
      Map<Long, Integer> reasonsByPair, List<CommonKey> common) {
    Map<String, int[]> blocks = new HashMap<>();
    for (int i = 0; i < profiles.size(); i++) {
      String k = key.apply(profiles.get(i));
      if (k.isEmpty()) continue;
      int[] members = blocks.get(k);
      if (members == null) {
        blocks.put(k, new int[] {1, i});
      } else {
        if (members[0] + 1 == members.length) members = Arrays.copyOf(members, members.length * 2);
        members[++members[0]] = i;
        blocks.put(k, members);
      }
    }
    int bit = 1 << reason.ordinal();
    for (int[] members : blocks.values()) {
      int n = members[0];
      if (n < 2) continue;
      if (n > MAX_BLOCK) {
        List<String> examples = new ArrayList<>();
        for (int m = 1; m <= Math.min(n, EXAMPLES); m++) examples.add(profiles.get(members[m]).customerId());
        common.add(new CommonKey(reason, n, examples));
        continue;
      }
      for (int x = 1; x <= n; x++) {
        for (int y = x + 1; y <= n; y++) {
          reasonsByPair.merge(((long) members[x] << 32) | members[y], bit, (u, v) -> u | v);
        }
      }
    }
  }

  private static List<MatchReason> reasons(int bits) {
    List<MatchReason> out = new ArrayList<>();
    for (MatchReason r : MatchReason.values()) {
      if ((bits & (1 << r.ordinal())) != 0) out.add(r);
    }
    return out;
  }
}
