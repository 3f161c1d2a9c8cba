package strata.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
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
  /** Record indices take 24 bits of a sort key (see {@link #block}). */
  public static final int MAX_CUSTOMERS = 1 << 24;

  /** A key too common to suggest pairs: which reason, how many records share it, the first few of their ids. */
  public record CommonKey(MatchReason reason, int customers, List<String> exampleIds) {}

  /** Pairs best first (score, then file order); common keys by size, largest first. */
  public record Result(List<CandidatePair> pairs, List<CommonKey> commonKeys) {}

  /**
   * @param profiles in customers-file order; ids are unique (the intake rejects repeated ids)
   * @throws IllegalArgumentException for more than {@link #MAX_CUSTOMERS} (16.7M) records
   */
  public static Result find(List<CustomerProfile> profiles) {
    if (profiles.size() > MAX_CUSTOMERS) {
      throw new IllegalArgumentException("duplicate detection handles at most " + MAX_CUSTOMERS + " customers");
    }
    Map<Long, Integer> reasonsByPair = new HashMap<>();
    List<CommonKey> common = new ArrayList<>();
    for (MatchReason reason : MatchReason.values()) {
      block(profiles, reason, p -> key(reason, p), reasonsByPair, common);
    }
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
    common.sort(Comparator.comparingInt(CommonKey::customers).reversed()
        .thenComparing(c -> order.get(c.exampleIds().get(0))));
    return new Result(pairs, common);
  }

  /** The records of a store, read twice in the same order (a database query run twice): see {@link #find(Source)}. */
  public interface Source {
    void forEach(Consumer<CustomerProfile> action);
  }

  /**
   * As {@link #find(List)}, holding only the records that share a key with another: a first pass keeps a hash of each
   * key (8 bytes a key, four keys a record), the second keeps the records with a hash that repeats, and only those are
   * compared. Most customers have no duplicate, so a store of millions is searched without holding every record.
   * Records come in the order of the source (id_a is the earlier one).
   */
  public static Result find(Source source) {
    KeyHashes seen = new KeyHashes();
    source.forEach(p -> {
      for (MatchReason r : MatchReason.values()) {
        String text = key(r, p);
        if (!text.isEmpty()) seen.add(keyHash(r, text));
      }
    });
    long[] repeated = seen.repeated();
    List<CustomerProfile> sharing = new ArrayList<>();
    source.forEach(p -> {
      for (MatchReason r : MatchReason.values()) {
        String text = key(r, p);
        if (!text.isEmpty() && Arrays.binarySearch(repeated, keyHash(r, text)) >= 0) {
          sharing.add(p);
          return;
        }
      }
    });
    return find(sharing);
  }

  /** A growable array of key hashes; a hash collision only keeps a record that is then compared for nothing. */
  private static final class KeyHashes {
    long[] values = new long[1024];
    int size;

    void add(long h) {
      if (size == values.length) values = Arrays.copyOf(values, size * 2);
      values[size++] = h;
    }

    /** The hashes seen more than once, ascending and each once. */
    long[] repeated() {
      Arrays.sort(values, 0, size);
      long[] out = new long[16];
      int n = 0;
      for (int i = 1; i < size; i++) {
        if (values[i] != values[i - 1] || (n > 0 && out[n - 1] == values[i])) continue;
        if (n == out.length) out = Arrays.copyOf(out, n * 2);
        out[n++] = values[i];
      }
      return Arrays.copyOf(out, n);
    }
  }

  /** The record's key for a reason, normalised; empty when it has none. */
  private static String key(MatchReason reason, CustomerProfile p) {
    return switch (reason) {
      case SAME_ID_IGNORING_CASE -> p.customerId().strip().toLowerCase(Locale.ROOT);
      case SAME_EMAIL -> Emails.normalise(p.email());
      case SAME_PHONE -> Phones.normalise(p.phone());
      case SAME_NAME -> CompanyNames.normalise(p.name());
    };
  }

  private static long keyHash(MatchReason reason, String text) {
    return hash(text) << 2 | reason.ordinal();
  }

  /**
   * Groups the records by key and adds the pairs of each group. Keys are grouped by sorting (hash, index) longs rather
   * than in a map of strings: at 1M records the map's entries and boxed indices were most of the time on a shared
   * machine (garbage collection); equal hashes are confirmed on the keys themselves.
   */
  private static void block(List<CustomerProfile> profiles, MatchReason reason, Function<CustomerProfile, String> key,
      Map<Long, Integer> reasonsByPair, List<CommonKey> common) {
    int n = profiles.size();
    long[] keyed = new long[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      String text = key.apply(profiles.get(i));
      if (!text.isEmpty()) keyed[k++] = (hash(text) << INDEX_BITS) | i;
    }
    Arrays.sort(keyed, 0, k);
    int bit = 1 << reason.ordinal();
    for (int from = 0; from < k; ) {
      int to = from + 1;
      while (to < k && keyed[to] >>> INDEX_BITS == keyed[from] >>> INDEX_BITS) to++;
      if (to - from > 1) group(profiles, key, keyed, from, to, reason, bit, reasonsByPair, common);
      from = to;
    }
  }

  /** The records {@code keyed[from, to)} share a hash; split them by their actual keys (collisions are rare). */
  private static void group(List<CustomerProfile> profiles, Function<CustomerProfile, String> key, long[] keyed,
      int from, int to, MatchReason reason, int bit, Map<Long, Integer> reasonsByPair, List<CommonKey> common) {
    Map<String, List<Integer>> byKey = new java.util.LinkedHashMap<>();
    for (int m = from; m < to; m++) {
      int i = (int) (keyed[m] & INDEX_MASK);
      byKey.computeIfAbsent(key.apply(profiles.get(i)), x -> new ArrayList<>()).add(i);
    }
    for (List<Integer> members : byKey.values()) {
      if (members.size() < 2) continue;
      members.sort(null); // file order: the first record is id_a
      if (members.size() > MAX_BLOCK) {
        List<String> examples = new ArrayList<>();
        for (int m = 0; m < Math.min(members.size(), EXAMPLES); m++) {
          examples.add(profiles.get(members.get(m)).customerId());
        }
        common.add(new CommonKey(reason, members.size(), examples));
        continue;
      }
      for (int x = 0; x < members.size(); x++) {
        for (int y = x + 1; y < members.size(); y++) {
          reasonsByPair.merge(((long) members.get(x) << 32) | members.get(y), bit, (u, v) -> u | v);
        }
      }
    }
  }

  /** Record indices take the low bits of a sort key, a 39-bit hash of the key the high bits (sign bit kept 0). */
  private static final int INDEX_BITS = 24;
  private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

  private static long hash(String text) {
    long h = 0xCBF29CE484222325L;
    for (int i = 0; i < text.length(); i++) h = (h ^ text.charAt(i)) * 0x100000001B3L;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    return h >>> (INDEX_BITS + 1);
  }

  private static List<MatchReason> reasons(int bits) {
    List<MatchReason> out = new ArrayList<>();
    for (MatchReason r : MatchReason.values()) {
      if ((bits & (1 << r.ordinal())) != 0) out.add(r);
    }
    return out;
  }
}
