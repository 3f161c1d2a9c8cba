-- The names of a run's snapshot metrics, stored once per run (issue 14 §6: a full run of 1M customers): its rows'
-- metrics hold the values alone, as a JSON array in this order. Runs before this keep null here and objects in their
-- rows, which readers still read (strata.server.run.SnapshotMetrics).
alter table tier_run add column metric_keys varchar(4000);

-- Each distinct explanation of a run's rows, once per run: a few dozen explain a million customers, and its rows refer
-- to them ({"ref":n}); rows of earlier runs keep theirs inline (strata.server.run.SnapshotExplanations).
create table snapshot_explanation (
  run_id      bigint not null,
  ref         int not null,
  explanation varchar(20000) not null,
  primary key (run_id, ref)
);
