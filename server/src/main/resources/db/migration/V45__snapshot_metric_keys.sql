-- The names of a run's snapshot metrics, stored once per run (issue 14 §6: a full run of 1M customers): its rows'
-- metrics hold the values alone, as a JSON array in this order. Runs before this keep null here and objects in their
-- rows, which readers still read (strata.server.run.SnapshotMetrics).
alter table tier_run add column metric_keys varchar(4000);
