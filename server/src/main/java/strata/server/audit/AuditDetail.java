package strata.server.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What an audit entry did, as data: a code the web UI has a sentence for in zh and en ({@code auditDetail.<code>} in
 * web/src/i18n/messages-audit.ts, whose test reads {@link #CODES} from this file) and the values the sentence names. A
 * sentence built here would reach a Chinese admin in English; the code and values read in either language.
 *
 * <p>An optional part is a value only some entries have (a note, a team): it is left out when null, and the sentence
 * shows its fragment ({@code auditDetail.<code>.<name>}) only when present. A value that is itself text in both
 * languages (a core note) is given as {@code {zh, en}}, and the reader's is shown.
 */
public record AuditDetail(String code, Map<String, Object> params) {
  /** Every detail code, the one list {@link AuditLog#record} accepts. */
  public static final Set<String> CODES = Set.of(
      "login_failed", "user_created", "user_updated", "user_deleted", "token_created", "token_revoked",
      "tokens_revoked", "import_batch", "import_file", "import_failed", "run", "model_update", "backup",
      "backup_downloaded", "override_set", "override_removed", "override_ended", "duplicate", "tag_add", "tag_remove",
      "bulk_assign", "bulk_task", "bulk_tag", "bulk_call_list", "task_done", "task_skipped", "task_rescheduled",
      "escalation", "pool_claim", "pool_move", "pool_return", "owner_policy", "task_held_out");

  /** The most characters of one text value; the values of an entry together stay within the column's 20,000. */
  static final int LONGEST = 2000;

  public AuditDetail {
    params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params)); // in the order written
  }

  /**
   * @param namesAndValues name, value, name, value …; a null value leaves its name out (an optional part absent); a
   *     text longer than {@link #LONGEST} characters (a pasted note) keeps its start, as the text column does
   */
  public static AuditDetail of(String code, Object... namesAndValues) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      Object value = namesAndValues[i + 1] instanceof String s ? clip(s) : namesAndValues[i + 1];
      if (value != null) params.put(String.valueOf(namesAndValues[i]), value);
    }
    return new AuditDetail(code, params);
  }

  /** A value in both languages, picked by the reader's. */
  public static Map<String, String> text(String zh, String en) {
    Map<String, String> text = new LinkedHashMap<>();
    text.put("zh", clip(zh));
    text.put("en", clip(en));
    return text;
  }

  private static String clip(String text) {
    return text.length() > LONGEST ? text.substring(0, LONGEST) : text;
  }
}
