-- KPIs by tier of a snapshot against the one before it (core's strata.kpi), computed once when a run publishes so
-- the dashboard reads a few rows instead of two snapshots per view (issue 16). One row per dimension (all, owner,
-- region, industry), group and tier (null tier: all tiers together); the figures are core's KpiRow as JSON.
create table snapshot_kpi (
  run_id        bigint not null,
  from_run      bigint,
  model_changed boolean not null,
  dimension     varchar(16) not null,
  grp           varchar(200) not null,
  position      int not null,
  tier          varchar(64),
  figures       varchar(4000) not null
);
create index snapshot_kpi_run on snapshot_kpi (run_id, dimension, grp);
