-- The service KPIs' three reads (strata.server.kpi.ServiceStates) as the server sends them, for
-- bench/service-kpi-explain.sh: as of :'as_of', cadence window :window days, period after :'after'. Keep in step
-- with ServiceStates.java.
\echo == interactions
explain (analyze, buffers, costs off)
select customer_id, type, channel, max(at) from interaction where at >= date :'as_of' - :window
  and at < date :'as_of' + 1 and record_id not like 'task:%'
  and (interaction.import_id is null or interaction.import_id not in (select import_id from import_hidden))
  group by customer_id, type, channel;
\echo == reached_tasks
explain (analyze, buffers, costs off)
select customer_id, max(closed_at) from service_task where status = 'done' and outcome = 'reached'
  and closed_at >= (date :'as_of' - :window)::timestamptz and closed_at < (date :'as_of' + 1)::timestamptz
  group by customer_id;
\echo == due_tasks
explain (analyze, buffers, costs off)
select customer_id, count(*), sum(case when status = 'done' and closed_at < (date :'as_of' + 1)::timestamptz
  then 1 else 0 end) from service_task where channel is not null and status in ('open', 'done', 'skipped')
  and due_date <= date :'as_of' and due_date > date :'after' group by customer_id;
