-- Plans of the API's customer queries on the current snapshot (the SQL CustomerQueries, CustomerFilter and PagedQuery
-- build), run by bench/run-server.sh after the load test with psql -v run=<run id> -v tier=… -v owner=… .
\pset pager off
\echo '== list: tier + owner, count (stops at 10,001)'
explain (analyze, buffers, costs off) select count(*) from (select 1 as one from snapshot_row r
  where r.run_id = :run and r.tier = :'tier' and r.owner = :'owner' limit 10001) capped;
\echo '== list: tier + owner, page'
explain (analyze, buffers, costs off) select r.customer_id, c.name, c.owner, r.tier, r.composite_score
  from snapshot_row r left join customer c on c.id = r.customer_id
  where r.run_id = :run and r.tier = :'tier' and r.owner = :'owner'
  order by r.composite_score desc nulls last, r.customer_id limit 50 offset 100;
\echo '== list: tier only, count (stops at 10,001)'
explain (analyze, buffers, costs off) select count(*) from (select 1 as one from snapshot_row r
  where r.run_id = :run and r.tier = :'tier' limit 10001) capped;
\echo '== list: tier only, page'
explain (analyze, buffers, costs off) select r.customer_id, c.name, r.tier, r.composite_score
  from snapshot_row r left join customer c on c.id = r.customer_id
  where r.run_id = :run and r.tier = :'tier'
  order by r.composite_score desc nulls last, r.customer_id limit 50 offset 500;
\echo '== list: sort=id, page'
explain (analyze, buffers, costs off) select r.customer_id, c.name, r.tier from snapshot_row r
  left join customer c on c.id = r.customer_id where r.run_id = :run order by r.customer_id limit 50 offset 500;
\echo '== list: sort=monetary,desc, page'
explain (analyze, buffers, costs off) select r.customer_id, c.name, r.tier from snapshot_row r
  left join customer c on c.id = r.customer_id where r.run_id = :run
  order by r.monetary_cents desc nulls last, r.customer_id limit 50 offset 500;
\echo '== search: q, count (stops at 10,001)'
explain (analyze, buffers, costs off) select count(*) from (select 1 as one from snapshot_row r
  join customer c on c.id = r.customer_id
  where r.run_id = :run and (lower(c.id) like '%恒达%' escape '\' or lower(c.name) like '%恒达%' escape '\')
  limit 10001) capped;
\echo '== search: q, page'
explain (analyze, buffers, costs off) select r.customer_id, c.name from snapshot_row r
  join customer c on c.id = r.customer_id
  where r.run_id = :run and (lower(c.id) like '%c00012%' escape '\' or lower(c.name) like '%c00012%' escape '\')
  order by r.composite_score desc nulls last, r.customer_id limit 50;
\echo '== lookup: purchase summary of one customer'
explain (analyze, buffers, costs off) select min(purchase_day), max(purchase_day), count(*), count(distinct purchase_day),
  sum(amount_cents) from purchase where customer_id = 'C0012345';
\echo '== facets (GET /customers/facets): lifecycle counts of one owner, tier counts of the whole snapshot'
explain (analyze, buffers, costs off) select r.lifecycle, count(*) from snapshot_row r
  where r.run_id = :run and r.owner in (:'owner') and r.lifecycle is not null
  group by r.lifecycle order by count(*) desc, r.lifecycle;
explain (analyze, buffers, costs off) select r.tier, count(*) from snapshot_row r
  where r.run_id = :run and r.tier is not null group by r.tier order by count(*) desc, r.tier;
