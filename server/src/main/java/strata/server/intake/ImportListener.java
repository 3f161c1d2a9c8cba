package strata.server.intake;

/**
 * Told as a file import stores its rows. The server itself has none; tests use it to stall an import midway, its
 * rows stored but not switched on.
 */
public interface ImportListener {
  /** @param rows rows stored so far, committed and hidden */
  void rowsStored(long importId, long rows);
}
