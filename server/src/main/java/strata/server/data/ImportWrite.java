package strata.server.data;

import java.util.List;

/**
 * One file import's writes into a store, made visible at once by the import's switch. Rows are stored chunk by chunk,
 * each chunk in a transaction of its own, tagged with the import's id and hidden ({@link Visible}); what cannot be
 * hidden that way (changes to rows already visible, customer profiles, purchase summaries) is staged and applied by
 * {@link #atSwitch}. The caller holds the {@link WriteLock} from the first chunk to the switch.
 */
public interface ImportWrite<T> {
  /** Stores one chunk; call it in a transaction of its own. @param chunk distinct keys, a few thousand at most */
  Written write(List<T> chunk);

  /**
   * After the last chunk: stores what {@link #write} held back to store together; call it in a transaction of its own.
   */
  default Written flush() {
    return Written.NONE;
  }

  /** After {@link #flush}, before the switch: stages what the switch applies, in transactions of its own. */
  default void beforeSwitch() {}

  /** In the switch's transaction, the one that also shows the import's rows and marks its job succeeded. */
  void atSwitch();

}
