-- A list filtered by tier alone takes its total from the snapshot's stored aggregates (strata.server.run.SnapshotStats
-- customers): one kind and key of a run over every owner, which snapshot_stats_run (run_id, owner, kind) serves only by
-- reading all of the run's aggregates (7,262 rows at 250k customers, twice a request).
create index snapshot_stats_kind on snapshot_stats (run_id, kind, k1);
