package strata.server.backup;

/** A backup or restore that cannot go on; the message says what to do, for the one line a command prints. */
public class BackupException extends RuntimeException {
  public BackupException(String message) {
    super(message);
  }

  public BackupException(String message, Throwable cause) {
    super(message, cause);
  }
}
