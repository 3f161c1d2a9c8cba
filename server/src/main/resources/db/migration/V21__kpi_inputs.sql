-- What the KPIs by tier read of each customer in a snapshot (core's strata.kpi.CustomerState without the survey
-- answers), as narrow plain columns: reading them out of snapshot_row's ~1 KB metrics JSON made one snapshot's KPIs
-- take 80-136 s at 1M customers (bench/README.md "KPIs at 1M customers"). Written with the snapshot rows by the run,
-- in customer id order (so the KPI walk in id order reads the table front to back), removed with them.
-- Snapshots written before this table are filled from their rows when their KPIs are next needed, in the background
-- (strata.server.kpi.KpiInputs), not here: a migration reading 20M wide rows would hold the start for many minutes.
create table snapshot_kpi_input (
  run_id            bigint not null,
  customer_id       varchar(256) not null,
  -- The model's tier (overrides are a few hand-set exceptions; a KPI by tier measures the rules).
  tier              varchar(64) not null,
  orders            bigint not null,
  purchase_days     int not null,
  net_cents         bigint not null,
  -- Epoch day of the latest purchase; null for a prospect.
  last_purchase_day int,
  clv               real,
  p_alive           real,
  complaints        bigint not null,
  -- Kept equal to snapshot_row.owner (strata.server.run.SnapshotOwners).
  owner             varchar(200),
  region            varchar(200),
  industry          varchar(200),
  primary key (run_id, customer_id)
);
