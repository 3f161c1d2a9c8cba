-- Plans of the API's customer queries on the current snapshot (the SQL CustomerQueries and CustomerFilter build),
-- run by bench/run-server.sh after the load test with psql -v run=<run id> -v tier=… -v owner=… .
\pset pager off
\echo '== list: tier + owner, count'
explain (analyze, buffers, costs off) select count(*) from snapshot_row r left join customer c on c.id = r.customer_id
  left join tier_override o on o.customer_id = r.customer_id and o.removed_at is null and (o.expires_at is null or o.expires_at > now())
  where r.run_id = :run and coalesce(o.tier, r.model_tier) = :'tier' and c.owner = :'owner';
\echo '== list: tier + owner, page'
explain (analyze, buffers, costs off) select r.customer_id, c.name, c.owner, coalesce(o.tier, r.model_tier) as tier, r.composite_score
  from snapshot_row r left join customer c on c.id = r.customer_id
  left join tier_override o on o.customer_id = r.customer_id and o.removed_at is null and (o.expires_at is null or o.expires_at > now())
  where r.run_id = :run and coalesce(o.tier, r.model_tier) = :'tier' and c.owner = :'owner'
  order by r.composite_score desc nulls last, r.customer_id limit 50 offset 100;
\echo '== list: tier only, count'
explain (analyze, buffers, costs off) select count(*) from snapshot_row r left join customer c on c.id = r.customer_id
  left join tier_override o on o.customer_id = r.customer_id and o.removed_at is null and (o.expires_at is null or o.expires_at > now())
  where r.run_id = :run and coalesce(o.tier, r.model_tier) = :'tier';
\echo '== list: tier only, page'
explain (analyze, buffers, costs off) select r.customer_id, c.name, coalesce(o.tier, r.model_tier) as tier, r.composite_score
  from snapshot_row r left join customer c on c.id = r.customer_id
  left join tier_override o on o.customer_id = r.customer_id and o.removed_at is null and (o.expires_at is null or o.expires_at > now())
  where r.run_id = :run and coalesce(o.tier, r.model_tier) = :'tier'
  order by r.composite_score desc nulls last, r.customer_id limit 50 offset 500;
\echo '== search: q, count'
explain (analyze, buffers, costs off) select count(*) from snapshot_row r left join customer c on c.id = r.customer_id
  left join tier_override o on o.customer_id = r.customer_id and o.removed_at is null and (o.expires_at is null or o.expires_at > now())
  where r.run_id = :run and (lower(r.customer_id) like '%恒达%' escape '\' or lower(c.name) like '%恒达%' escape '\');
\echo '== lookup: purchase summary of one customer'
explain (analyze, buffers, costs off) select min(purchase_day), max(purchase_day), count(*), count(distinct purchase_day),
  sum(amount_cents) from purchase where customer_id = 'C0012345';
