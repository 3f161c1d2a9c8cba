-- Embedded H2 only: one owner's list sorted by a metric reads that owner's entries of one index holding every metric
-- and sorts them, where V22 gave each metric an index of its own. Each of those five cost every run a key search per
-- row: 250,000 snapshot rows took 73 s into all seventeen indexes, 48-55 s into thirteen with this one. A page of an
-- owner of 6,250 customers sorted by frequency took 5 ms off its own index, 17 ms from this one, 107 ms where H2 read
-- the rows (bench/README.md, "H2: one owner's metric sorts from one index"). The id leads the metrics, not a metric:
-- H2 prefers a narrower index whose order matches more of the ORDER BY, so the (run, owner, score, id) and (run,
-- owner, id) indexes keep the default list and the id sort, and a metric sort takes this one, the only one it covers.
drop index snapshot_row_owner_monetary_order;
drop index snapshot_row_owner_frequency_order;
drop index snapshot_row_owner_recency_order;
drop index snapshot_row_owner_clv_order;
drop index snapshot_row_owner_p_alive_order;
create index snapshot_row_owner_sorts on snapshot_row
  (run_id, owner, customer_id, monetary_cents, frequency, recency_days, clv, p_alive);
