-- Plans of the task list's queries (TaskStore.list: the total counted up to 10,001, then the page's ids, then its
-- rows) for the rep and the manager of bench/tasks-load.sh; run by bench/run-server.sh after the load with
-- psql -v owner=<the rep's owner> -v today=<YYYY-MM-DD> -v team=<'a','b',…>.
\pset pager off
\echo '== rep, open due before tomorrow: exact count (what the server before V28 ran)'
explain (analyze, buffers, costs off) select count(*) from service_task t left join customer c on c.id = t.customer_id
  where c.owner = :'owner' and t.status = 'open' and t.due_date < date :'today' + 1;
\echo '== rep, open due before tomorrow: page of 200, rows read whole (before V28)'
explain (analyze, buffers, costs off) select t.*, c.name, c.phone, c.email from service_task t
  left join customer c on c.id = t.customer_id
  where c.owner = :'owner' and t.status = 'open' and t.due_date < date :'today' + 1
  order by t.due_date, t.id limit 200 offset 0;
\echo '== rep, open due before tomorrow: count up to 10,001'
explain (analyze, buffers, costs off) select count(*) from (select 1 as one from service_task t
  join customer c on c.id = t.customer_id
  where c.owner = :'owner' and t.status = 'open' and t.due_date < date :'today' + 1 limit 10001) capped;
\echo '== rep, open due before tomorrow: page of 200, ids first'
explain (analyze, buffers, costs off) select t.*, c.name, c.phone, c.email from (select t.id from service_task t
  join customer c on c.id = t.customer_id
  where c.owner = :'owner' and t.status = 'open' and t.due_date < date :'today' + 1
  order by t.due_date, t.id limit 200 offset 0) p join service_task t on t.id = p.id
  left join customer c on c.id = t.customer_id order by t.due_date, t.id;
\echo '== manager, team open due before tomorrow: count up to 10,001'
explain (analyze, buffers, costs off) select count(*) from (select 1 as one from service_task t
  join customer c on c.id = t.customer_id
  where c.owner in (:team) and t.status = 'open' and t.due_date < date :'today' + 1 limit 10001) capped;
\echo '== manager, team open due before tomorrow: page ids'
explain (analyze, buffers, costs off) select t.id from service_task t join customer c on c.id = t.customer_id
  where c.owner in (:team) and t.status = 'open' and t.due_date < date :'today' + 1
  order by t.due_date, t.id limit 200 offset 0;
\echo '== manager, TeamSummary: done tasks of one rep, count up to 10,001'
explain (analyze, buffers, costs off) select count(*) from (select 1 as one from service_task t
  join customer c on c.id = t.customer_id
  where c.owner in (:team) and t.status = 'done' and t.owner = :'owner' limit 10001) capped;
\echo '== manager, TeamSummary: overdue tasks of one rep, count up to 10,001'
explain (analyze, buffers, costs off) select count(*) from (select 1 as one from service_task t
  join customer c on c.id = t.customer_id
  where c.owner in (:team) and t.status = 'open' and t.due_date < date :'today' and t.owner = :'owner' limit 10001) capped;
\echo '== rep, one customer: page ids'
explain (analyze, buffers, costs off) select t.id from service_task t join customer c on c.id = t.customer_id
  where c.owner = :'owner' and t.customer_id = (select id from customer where owner = :'owner' order by id limit 1)
  order by t.due_date, t.id limit 200 offset 0;
-- Since V31 the server scopes by the owner the task carries (TaskStore.list). These fail on a database before V31 (no
-- customer_owner column); psql goes on.
\echo '== V31: rep, open due before tomorrow: count up to 10,001'
explain (analyze, buffers, costs off) select count(*) from (select 1 as one from service_task t
  where t.customer_owner = :'owner' and t.status = 'open' and t.due_date < date :'today' + 1 limit 10001) capped;
\echo '== V31: rep, open due before tomorrow: page of 200, ids first, shown rows rechecked'
explain (analyze, buffers, costs off) select t.*, c.name, c.phone, c.email from (select t.id from service_task t
  where t.customer_owner = :'owner' and t.status = 'open' and t.due_date < date :'today' + 1
  order by t.due_date, t.id limit 200 offset 0) p join service_task t on t.id = p.id
  left join customer c on c.id = t.customer_id where c.owner = :'owner' order by t.due_date, t.id;
\echo '== V31: manager, team open due before tomorrow: count up to 10,001'
explain (analyze, buffers, costs off) select count(*) from (select 1 as one from service_task t
  where t.customer_owner in (:team) and t.status = 'open' and t.due_date < date :'today' + 1 limit 10001) capped;
\echo '== V31: manager, team open due before tomorrow: page ids'
explain (analyze, buffers, costs off) select t.id from service_task t
  where t.customer_owner in (:team) and t.status = 'open' and t.due_date < date :'today' + 1
  order by t.due_date, t.id limit 200 offset 0;
\echo '== V31: manager, TeamSummary: done tasks of one rep, count up to 10,001'
explain (analyze, buffers, costs off) select count(*) from (select 1 as one from service_task t
  where t.customer_owner in (:team) and t.status = 'done' and t.owner = :'owner' limit 10001) capped;
\echo '== V31: manager, TeamSummary: overdue tasks of one rep, count up to 10,001'
explain (analyze, buffers, costs off) select count(*) from (select 1 as one from service_task t
  where t.customer_owner in (:team) and t.status = 'open' and t.due_date < date :'today' and t.owner = :'owner'
  limit 10001) capped;
