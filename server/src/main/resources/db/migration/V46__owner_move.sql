-- Owner moves staged for one statement each over all of them (strata.server.pool.OwnerMoves and
-- strata.server.run.SnapshotOwners): a plan that pools 60,000 customers moves them, writes their pool_events and
-- moves their snapshot rows with a handful of joins instead of statements per customer or per chunk of customers
-- (bench/README.md, "Owner moves in one set"). Rows live only inside the transaction that stages them: it deletes
-- them before it commits, and no other transaction ever sees them (killed, it leaves none either).
create table owner_move (
  customer_id varchar(256) not null primary key,
  -- The order the caller gave: the pool_events are written in it.
  seq         int not null,
  from_owner  varchar(200),
  to_owner    varchar(200),
  kind        varchar(16),
  rule        varchar(32),
  tier        varchar(64),
  run_id      bigint
);
