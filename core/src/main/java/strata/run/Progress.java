package strata.run;

/** Where a long run is; the CLI draws it on a terminal, tests ignore it. */
public interface Progress {
  Progress NONE = new Progress() {};

  /** A new phase began, e.g. {@code phase_scoring} (its text in the labels bundles, {@code note.<code>}). */
  default void phase(strata.i18n.Note phase) {}

  /** Bytes of the transactions file read so far, out of {@code total}. */
  default void bytes(long done, long total) {}
}
