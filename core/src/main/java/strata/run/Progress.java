package strata.run;

/** Where a long run is; the CLI draws it on a terminal, tests ignore it. */
public interface Progress {
  Progress NONE = new Progress() {};

  default void phase(String name) {}

  /** Bytes of the transactions file read so far, out of {@code total}. */
  default void bytes(long done, long total) {}
}
