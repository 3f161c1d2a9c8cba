package strata.server.intake;

import strata.intake.FileKind;
import strata.server.api.BadRequest;

/** The {@code kind} of an import or batch: transactions, customers, interactions or surveys. */
final class Kinds {
  private Kinds() {}

  static FileKind of(String text, String field) {
    for (FileKind k : FileKind.values()) if (k.label().equals(text)) return k;
    throw new BadRequest(field, "unknown kind '" + (text == null ? "" : text.length() > 50 ? text.substring(0, 50)
        : text) + "'; expected transactions, customers, interactions or surveys");
  }
}
