-- Only overridden rows (a handful per snapshot) are ever looked up by override_id, always with a condition that
-- implies it is not null: a partial index spares a run a million entries of nulls (bench/README.md "A full run at
-- 1M customers"). H2 has no partial indexes and keeps the full one.
drop index snapshot_row_override;
create index snapshot_row_override on snapshot_row (run_id, override_id) where override_id is not null;
