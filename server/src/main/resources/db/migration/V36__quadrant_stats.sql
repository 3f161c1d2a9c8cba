-- The dashboard's value x potential matrix (issue 17): customers and revenue per quadrant and owner, stored with the
-- other aggregates when a run publishes (SnapshotStats). Snapshots whose aggregates were stored before get theirs here,
-- so their dashboards show the matrix too; snapshots without stored aggregates compute it when viewed.
insert into snapshot_stats (run_id, owner, kind, k1, k2, from_run, customers, buyers, repeaters, revenue_cents,
    low_alive_cents, clv_sum, clv_count)
select r.run_id, r.owner, 'quadrant', coalesce(r.quadrant, 'unknown'), null, null, count(*), 0, 0,
    coalesce(sum(r.monetary_cents), 0), 0, 0, 0
from snapshot_row r
where r.run_id in (select s.run_id from snapshot_stats s where s.kind = 'computed')
  and not exists (select 1 from snapshot_stats q where q.run_id = r.run_id and q.kind = 'quadrant')
group by r.run_id, r.owner, coalesce(r.quadrant, 'unknown');
