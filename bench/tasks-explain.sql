-- Plans of the task list's queries (TaskStore.list) for the rep and the manager of bench/tasks-load.sh, run by
-- bench/run-server.sh after the load with psql -v owner=<the rep's owner> -v today=<YYYY-MM-DD> -v team=<'a','b',…>.
\pset pager off
\echo '== rep: open, due before tomorrow: count'
explain (analyze, buffers, costs off) select count(*) from service_task t left join customer c on c.id = t.customer_id
  where c.owner = :'owner' and t.status = 'open' and t.due_date < date :'today' + 1;
\echo '== rep: open, due before tomorrow: first page of 200'
explain (analyze, buffers, costs off) select t.id, t.reason, c.name, c.phone from service_task t
  left join customer c on c.id = t.customer_id
  where c.owner = :'owner' and t.status = 'open' and t.due_date < date :'today' + 1
  order by t.due_date, t.id limit 200 offset 0;
\echo '== manager: team, open, due before tomorrow: count'
explain (analyze, buffers, costs off) select count(*) from service_task t left join customer c on c.id = t.customer_id
  where c.owner in (:team) and t.status = 'open' and t.due_date < date :'today' + 1;
\echo '== manager: team, open, due before tomorrow: first page of 200'
explain (analyze, buffers, costs off) select t.id, t.reason, c.name, c.phone from service_task t
  left join customer c on c.id = t.customer_id
  where c.owner in (:team) and t.status = 'open' and t.due_date < date :'today' + 1
  order by t.due_date, t.id limit 200 offset 0;
\echo '== manager: TeamSummary done count of one rep'
explain (analyze, buffers, costs off) select count(*) from service_task t left join customer c on c.id = t.customer_id
  where c.owner in (:team) and t.status = 'done' and t.owner = :'owner';
\echo '== rep: one customer'
explain (analyze, buffers, costs off) select t.id, c.name from service_task t left join customer c on c.id = t.customer_id
  where c.owner = :'owner' and t.customer_id = (select id from customer where owner = :'owner' limit 1)
  order by t.due_date, t.id limit 200 offset 0;
