package strata.server.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import strata.i18n.Note;
import tools.jackson.databind.JsonNode;

/**
 * A run's note as the API shows it: its code for machines and its text in both languages. Stored as the core
 * {@link Note} (code and arguments), so a note reads in the language of whoever opens the run later; notes stored
 * before they had codes were English text and are shown as such, without a code.
 */
public record RunNote(String code, String zh, String en) {
  static RunNote of(Note note) {
    return new RunNote(note.code(), note.text(Locale.SIMPLIFIED_CHINESE), note.text(Locale.ENGLISH));
  }

  /** A stored phase code ({@code phase_scoring}); runs stored before phases had codes kept English text. */
  static RunNote phase(String stored) {
    if (stored == null) return null;
    return stored.startsWith("phase_") ? of(new Note(stored, List.of())) : new RunNote(null, stored, stored);
  }

  static RunNote read(JsonNode stored) {
    if (stored.isString()) return new RunNote(null, stored.asString(), stored.asString());
    return of(note(stored));
  }

  /** A stored note with the note it gives as its reason ({@code because}, absent in notes stored before it). */
  private static Note note(JsonNode stored) {
    List<String> args = new ArrayList<>();
    stored.get("args").forEach(a -> args.add(a.asString()));
    JsonNode because = stored.get("because");
    return new Note(stored.get("code").asString(), args,
        because == null || because.isNull() ? null : note(because));
  }
}
