-- Lists of a snapshot in their default order (composite score, best first) come straight off an index and stop after
-- a page, with or without a tier filter; overrides applied to a snapshot are found by their id.
create index snapshot_row_order on snapshot_row (run_id, composite_score desc nulls last, customer_id);
create index snapshot_row_tier_order on snapshot_row (run_id, tier, composite_score desc nulls last, customer_id);
create index snapshot_row_override on snapshot_row (run_id, override_id);
drop index snapshot_row_tier;
