-- PostgreSQL only: snapshot_row becomes partitioned by run, one partition per run (strata.server.run.SnapshotTables).
-- A run copies its rows into a bare table of its own, builds the key and indexes by sorting and attaches the table when
-- it publishes; keeping seven indexes row by row was four fifths of PostgreSQL's work on a 1M-row snapshot, building
-- them afterwards half of it (bench/README.md "A full run at 1M customers"). A failed or expired run's table is
-- dropped whole instead of a million deletes. No default partition: attaching beside one would lock it exclusively,
-- and every list reads the parent. The key and indexes are those of the table before, whatever earlier migrations
-- made them, so this migration names none of them; the rows stored so far move into one partition per run.
alter table snapshot_row rename to snapshot_row_v47;
alter table snapshot_row_v47 rename constraint snapshot_row_pkey to snapshot_row_v47_pkey;
create table snapshot_row (like snapshot_row_v47 including defaults) partition by list (run_id);
do $$
declare
  ix record;
  run bigint;
begin
  execute 'alter table snapshot_row add primary key ' || substring(pg_get_constraintdef((select oid from pg_constraint
      where conname = 'snapshot_row_v47_pkey' and conrelid = 'snapshot_row_v47'::regclass)) from '\(.*\)');
  for ix in select i.indexname, i.indexdef from pg_indexes i where i.schemaname = current_schema()
      and i.tablename = 'snapshot_row_v47' and i.indexname <> 'snapshot_row_v47_pkey' loop
    execute format('alter index %I rename to %I', ix.indexname, left(ix.indexname, 55) || '_v47');
    execute regexp_replace(ix.indexdef, ' ON \S+ USING ', ' ON snapshot_row USING ');
  end loop;
  for run in select distinct run_id from snapshot_row_v47 loop
    execute format('create table snapshot_run_%s partition of snapshot_row for values in (%s)', run, run);
  end loop;
end $$;
insert into snapshot_row select * from snapshot_row_v47 order by run_id, customer_id;
drop table snapshot_row_v47;
