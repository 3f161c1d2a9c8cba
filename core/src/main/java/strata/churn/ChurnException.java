package strata.churn;

import strata.i18n.Note;



/** Why the churn classifier was not trained or could not score, as a note the run passes on in its reader's language. */
public final class ChurnException extends RuntimeException {
  private final Note note;

  public ChurnException(Note note) {
    super(note.toString());
    this.note = note;
  }

  public Note note() {
    return note;
  }
}
