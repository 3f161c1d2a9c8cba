package strata.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import strata.i18n.Note;

/**
 * Buyers without a customer record while others have one: scored without a profile. One count for the CLI's run
 * (purchasers missing from the customers file) and the server's (buyers without a stored record), each with its own
 * note, since only the server's buyers also lack an owner.
 *
 * @param examples the first such ids, in the order the buyers were given
 */
public record UnknownPurchasers(long count, List<String> examples) {
  /** Ids a note names. */
  public static final int NAMED = 3;

  /**
   * @param buyers {@code size} distinct buyer ids, by index
   * @param known whether an id has a customer record
   * @param keep how many examples to keep (at least {@link #NAMED} for the note)
   */
  public static UnknownPurchasers among(int size, IntFunction<String> buyers, Predicate<String> known, int keep) {
    long count = 0;
    List<String> examples = new ArrayList<>(keep);
    for (int i = 0; i < size; i++) {
      String id = buyers.apply(i);
      if (known.test(id)) continue;
      count++;
      if (examples.size() < keep) examples.add(id);
    }
    return new UnknownPurchasers(count, List.copyOf(examples));
  }

  /** The note {@code code} with the count and the first examples, or nothing when every buyer has a record. */
  public Optional<Note> note(String code) {
    if (count == 0) return Optional.empty();
    return Optional.of(Note.of(code, count, String.join(", ", examples.subList(0, Math.min(NAMED, examples.size())))));
  }
}
