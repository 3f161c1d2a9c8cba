-- Lists, counts and sales scoping at a million customers (issue 14): the customer's owner is kept in every snapshot
-- row (in step with the customer's current owner: CustomerStore updates the rows of every kept snapshot in the same
-- transaction as the customer), so an owner's list or count is an index range instead of a join with customer.
alter table snapshot_row add column owner varchar(200);
update snapshot_row set owner = (select c.owner from customer c where c.id = snapshot_row.customer_id);
create index snapshot_row_owner_order on snapshot_row (run_id, owner, composite_score desc nulls last, customer_id);
create index snapshot_row_owner_tier_order
  on snapshot_row (run_id, owner, tier, composite_score desc nulls last, customer_id);
-- The largest spenders first (sort=monetary,desc), a page off the index instead of a sort of the whole snapshot.
create index snapshot_row_monetary_order on snapshot_row (run_id, monetary_cents desc, customer_id);

-- The dashboard's aggregates of a snapshot, per owner (null: customers without a profile), computed when the run
-- publishes. Tiers are the model's: overridden rows are corrected when read (they are few), so setting an override
-- does not rewrite this table. kind: tier (k1 = model tier), lifecycle (k1), rfm (k1 = R, k2 = F), segment (k1),
-- flow (k1 = model tier in the snapshot from_run, k2 = model tier in this one; null where the customer is absent).
create table snapshot_stats (
  run_id          bigint not null,
  owner           varchar(200),
  kind            varchar(16) not null,
  k1              varchar(64),
  k2              varchar(64),
  from_run        bigint,
  customers       bigint not null,
  buyers          bigint not null,
  repeaters       bigint not null,
  revenue_cents   bigint not null,
  low_alive_cents bigint not null,
  clv_sum         double precision not null,
  clv_count       bigint not null
);
create index snapshot_stats_run on snapshot_stats (run_id, owner, kind);
