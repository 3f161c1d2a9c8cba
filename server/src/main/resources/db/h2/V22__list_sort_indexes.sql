-- Embedded H2 only (the location db/{vendor}): every list sort a page off an index, for everybody and for one owner
-- (bench/README.md, "H2 lists"). H2 walks an index for an ORDER BY only when the index starts with the ORDER BY's
-- columns, forwards or exactly reversed (CustomerFilter.orderBy writes each sort's other direction as that reverse),
-- and otherwise reads and sorts the whole snapshot: 20 to 40 s a page at 250k customers. Each index holds the sort
-- column and the keys only. The composite score, monetary amount and tier already have theirs (V2, V7), and the
-- id is the primary key's order. PostgreSQL walks its indexes backwards too and now serves those three both ways; it
-- gets none of these ten: each costs every publish (bench/README.md), and PostgreSQL's top-N sort was not measured.
create index snapshot_row_frequency_order on snapshot_row (run_id, frequency desc, customer_id);
create index snapshot_row_recency_order on snapshot_row (run_id, recency_days asc nulls last, customer_id);
create index snapshot_row_clv_order on snapshot_row (run_id, clv desc nulls last, customer_id);
create index snapshot_row_p_alive_order on snapshot_row (run_id, p_alive desc nulls last, customer_id);
create index snapshot_row_owner_id_order on snapshot_row (run_id, owner, customer_id);
create index snapshot_row_owner_monetary_order on snapshot_row (run_id, owner, monetary_cents desc, customer_id);
create index snapshot_row_owner_frequency_order on snapshot_row (run_id, owner, frequency desc, customer_id);
create index snapshot_row_owner_recency_order on snapshot_row (run_id, owner, recency_days asc nulls last, customer_id);
create index snapshot_row_owner_clv_order on snapshot_row (run_id, owner, clv desc nulls last, customer_id);
create index snapshot_row_owner_p_alive_order on snapshot_row (run_id, owner, p_alive desc nulls last, customer_id);
