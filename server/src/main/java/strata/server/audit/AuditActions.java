package strata.server.audit;

import java.util.Set;

/**
 * Every action code the audit log stores, the one list {@link AuditLog#record} accepts. The web UI labels each in zh and
 * en (web/src/i18n/messages-audit.ts; audit.test.ts there reads this file and fails on a code without its label), so a
 * new code goes here and there together.
 */
public final class AuditActions {
  public static final Set<String> CODES = Set.of(
      "login", "login_failed", "logout",
      "user_created", "user_updated", "user_deleted", "token_created", "token_revoked", "tokens_revoked",
      "import", "run", "model_update", "backup", "backup_downloaded",
      "override_set", "override_removed", "override_ended",
      "duplicate_accepted", "duplicate_rejected", "duplicate_undone",
      "tag_add", "tag_remove",
      "bulk_assign", "bulk_task", "bulk_tag", "bulk_untag", "bulk_call_list",
      "task_done", "task_skipped", "task_rescheduled", "task_held_out", "task_escalation_pool", "task_escalation_reassign",
      "pool_claim", "pool_assign", "pool_reassign", "pool_release", "pool_return", "owner_policy");

  private AuditActions() {}
}
