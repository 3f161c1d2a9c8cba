-- PostgreSQL only (the location db/{vendor}): every sort the customer list offers reads a page of an index, as on H2
-- (db/h2/V22, V26, V50). At 1M customers a list sorted by frequency, recency, CLV or P(alive) sorted the whole
-- snapshot (~300 ms for one request on an idle server), by name the whole customer table (~600 ms), and one owner's
-- list by a metric read each of the owner's rows (75 ms for a 20,000-customer book) (bench/README.md, "PostgreSQL: every
-- sort from an index"). The snapshot's indexes cost a run about a second each at 1M rows (SnapshotTables builds a
-- run's table with the parent's indexes); the customer's two made a first import of 1M customers 1.27x as long.
create index snapshot_row_frequency_order on snapshot_row (run_id, frequency desc, customer_id);
create index snapshot_row_recency_order on snapshot_row (run_id, recency_days asc nulls last, customer_id);
create index snapshot_row_clv_order on snapshot_row (run_id, clv desc nulls last, customer_id);
create index snapshot_row_p_alive_order on snapshot_row (run_id, p_alive desc nulls last, customer_id);
-- One owner's list in its default order walks this index; sorted by a metric, it reads the owner's entries with the
-- metrics they carry, without the rows, and sorts those: one index instead of five per owner and metric.
drop index snapshot_row_owner_order;
create index snapshot_row_owner_order on snapshot_row (run_id, owner, composite_score desc nulls last, customer_id)
  include (monetary_cents, frequency, recency_days, clv, p_alive);
-- The name sort walks the customers in name order and probes each one's snapshot row by key (CustomerQueries
-- keyedPage); for one owner, that owner's customers, which an equality on owner alone also reads from.
create index customer_name_order on customer (name, id);
create index customer_owner_name_order on customer (owner, name, id);
drop index customer_owner;
-- After the named customers come those without a profile (owner null, SnapshotOwners), by id: a partial index of
-- them only, whose null owner column gives the branch's order (run, owner, id) without a sort.
create index snapshot_row_unowned on snapshot_row (run_id, owner, customer_id) where owner is null;
