-- Bulk task history for bench/run-server.sh with TASKS=N (bench/tasks-load.sh): :n rows of service_task added in one
-- INSERT … SELECT over generate_series, for random customers of the imported file (about N / customers per
-- customer), each task owned by its customer's owner. Generated in SQL because the planner's own writes go one row at
-- a time and a year of history is what the lists have to cut through. Status mix: 16 % open (due 30 days ago to 14
-- days ahead: overdue, today and the planner's horizon), 2 % suppressed (next 14 days), 12 % cancelled, 5 % skipped,
-- 65 % done (due over the past year, closed within two days of it). Seeded, so two runs write the same rows.
\set ON_ERROR_STOP on
select setseed(0.42);
create temp table bench_customer as select id, owner, row_number() over (order by id) as rn from customer;
create unique index on bench_customer (rn);
select count(*) as customers from bench_customer \gset
insert into service_task (task_key, customer_id, owner, tier, type, channel, due_date, trigger_kind, reason, reason_en,
    reason_zh, status, suppressed_by, outcome, note, created_at, created_by, updated_at, updated_by, closed_at, closed_by)
select 'bench|' || g.i || '|' || c.id, c.id, c.owner, g.tier, g.type, g.channel, g.due, g.trig,
  '{"tier":"' || g.tier || '","trigger":"' || g.trig || '","detail":"bench","values":[{"name":"days_since_contact",'
    || '"value":"' || (g.i % 90) || '"}],"purpose":{"zh":"定期回访，了解近况","en":"Regular follow-up"}}',
  'Tier ' || g.tier || ': ' || g.trig || ' (bench task ' || g.i || '); last contact ' || (g.i % 90) || ' days ago',
  '分层 ' || g.tier || '：' || g.trig || '（基准任务 ' || g.i || '）；距上次联系 ' || (g.i % 90) || ' 天',
  g.status, case when g.status = 'suppressed' then 'cap:all/week<=2' when g.status = 'cancelled' then 'contacted:'
    || g.due end,
  case when g.status = 'done' then (array['reached', 'no_answer', 'rescheduled', 'lost'])[1 + g.i % 4] end,
  case when g.status in ('done', 'skipped') then 'bench' end,
  g.due - 14, 'system', g.due - 14, 'system',
  case when g.status in ('done', 'skipped', 'cancelled') then (g.due + (g.i % 3))::timestamptz end,
  case when g.status in ('done', 'skipped') then 'bench-rep' when g.status = 'cancelled' then 'system' end
from (
  select i, k, status, tier, type, channel, trig,
    case when status = 'open' then current_date - 30 + (i % 45)
      when status = 'suppressed' then current_date + (i % 15)
      else current_date - 1 - (i % 365) end as due
  from (
    select i, 1 + floor(random() * :customers)::int as k,
      case when r < 0.16 then 'open' when r < 0.18 then 'suppressed' when r < 0.30 then 'cancelled'
        when r < 0.35 then 'skipped' else 'done' end as status,
      (array['high_value', 'potential', 'at_risk', 'low_value'])[1 + (i / 7) % 4] as tier,
      (array['follow_up', 'win_back', 'welcome', 'greeting', 'gift', 'recovery'])[1 + (i / 3) % 6] as type,
      (array['phone', 'visit', 'wechat', 'sms', 'email', null])[1 + (i / 5) % 6] as channel,
      (array['cadence', 'moved_down', 'enter_tier', 'dormant', 'care', 'complaint'])[1 + (i / 3) % 6] as trig
    from (select i, random() as r from generate_series(1, :n) i) s
  ) t
) g join bench_customer c on c.rn = g.k;
