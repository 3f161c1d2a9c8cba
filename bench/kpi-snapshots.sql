-- Synthetic monthly snapshots for bench/run-kpi.sh: :snapshots published runs (month ends from 2025-01-31) of up to
-- :customers customers, written straight into tier_run and snapshot_row, plus :surveys survey answers and one
-- interaction (so complaints are known). Publishing that many real runs would take hours (each tiers and writes 1M
-- rows); the KPI computation reads only the stored rows, which have the columns and the metrics JSON of real ones.
-- Deterministic: customer i's pattern comes from a multiplicative hash of i.
--   70 % of customers exist from the first month, the others join in months 2..:snapshots (so early snapshots are
--   smaller and the latest has all); each buys every 1, 2, 3, 6 or 12 months or never in the history, a fifth stop
--   buying at some month; tiers by net spend (key >= 100000, big >= 10000, mid >= 1000, small).
-- psql -v customers=1000000 -v snapshots=24 -v surveys=300000 -v model=2 -f bench/kpi-snapshots.sql
\set ON_ERROR_STOP on
\timing on
begin;
-- Truncated in this transaction, so with wal_level=minimal the rows skip the WAL (a bulk load, not the server's path).
truncate snapshot_row, snapshot_kpi_input, snapshot_kpi, survey, interaction;
-- The customer list's indexes are left out: building them on 24M rows takes long on a shared machine, and the KPI
-- read uses the primary key only (run_id, customer_id).
drop index if exists snapshot_row_order, snapshot_row_tier_order, snapshot_row_override, snapshot_row_owner_order,
  snapshot_row_owner_tier_order, snapshot_row_monetary_order;
update current_run set run_id = null;
delete from tier_run;
insert into tier_run (id, status, trigger_kind, as_of, model_version, started_by, started_at, finished_at, progress,
    customers, tier_counts, notes)
  select m, 'succeeded', 'manual', (date '2025-01-01' + make_interval(months => m) - interval '1 day')::date, :model,
    'bench', now(), now(), 1, 0, '{}', '[]'
  from generate_series(1, :snapshots) m;

create temporary table bench_customer as
  select i, h,
    case when h % 10 < 7 then 1 else 2 + (h / 16) % (:snapshots - 1) end as joined,
    (array[1, 1, 2, 2, 3, 6, 12, 0])[1 + (h / 256) % 8] as every,
    (h / 2048) % 5 as before_days,
    case when (h / 16384) % 5 = 0 then 1 + (h / 65536) % :snapshots else :snapshots + 1 end as stops,
    2000 + (h / 1048576) % 200000 as order_cents,
    'owner-' || (h / 7) % 200 as owner, 'region-' || (h / 11) % 30 as region, 'industry-' || (h / 13) % 20 as industry
  from (select i, (i * 2654435761) % 4294967296 as h from generate_series(1, :customers) i) c
  -- A real snapshot's rows lie in the order customers first bought, not by id: the hash order is as unrelated.
  order by h;

insert into snapshot_row (run_id, customer_id, tier, model_tier, segment, segment11, lifecycle, abc, quadrant,
    recency_days, frequency, monetary_cents, r_score, f_score, m_score, composite_score, clv, p_alive, metrics,
    explanation, owner)
  select r.id, 'C' || lpad(c.i::text, 8, '0'), t.tier, t.tier, 'important_value', 'champions', s.stage, 'B', 'maintain',
    s.recency, s.days + s.days / 3, s.net, 3, 3, 3, 0.5, s.net / 100.0 * 0.3, 0.8,
    '{"has_purchase":' || (s.days > 0) || ',"recency_days":' || coalesce(s.recency::text, 'null')
      || ',"frequency":' || (s.days + s.days / 3) || ',"purchase_days":' || s.days || ',"monetary":' || s.net / 100.0
      || ',"avg_order_value":' || c.order_cents / 100.0 || ',"refund_amount":0.0,"tenure_days":' || 30 * r.id
      || ',"annual_value":' || s.net / 200.0 || ',"purchase_rate":0.25,"r_score":3,"f_score":3,"m_score":3,'
      || '"rfm_segment":"important_value","abc_class":"B","lifecycle_stage":"' || s.stage
      || '","value_quadrant":"maintain","clv":' || s.net / 100.0 * 0.3 || ',"p_alive":0.8,"churn_risk":0.2,'
      || '"downgrade_risk":0.1,"composite_score":0.5,"historical_score":0.5,"potential_score":0.5,'
      || '"strategic_score":0.5,"interactions":' || r.id / 4 || ',"complaints":' || (c.h / 4096 % 4) * r.id / 6
      || ',"visits":1,"days_since_contact":12,"nps":null,"csat":null,"industry":"' || c.industry
      || '","size":"medium","region":"' || c.region || '","owner":"' || c.owner
      || '","churn_prob":0.2,"cluster":2,"top_category":"category-3","top_category_share":0.6,"next_product":null}',
    '{"en":"spend at least the tier threshold","zh":"消费达到等级门槛","reason":"' || t.tier || '"}', c.owner
  from tier_run r
  cross join lateral (select * from bench_customer c where c.joined <= r.id offset 0) c
  cross join lateral (select least(r.id, c.stops - 1) as upto) u
  cross join lateral (select case when c.every = 0 or u.upto < c.joined then 0
      else (u.upto + c.h % c.every) / c.every - (c.joined - 1 + c.h % c.every) / c.every end as bought) k
  cross join lateral (select c.before_days + k.bought as days, (c.before_days + k.bought) * c.order_cents as net,
      case when k.bought > 0 then r.as_of - ((date '2025-01-01' + make_interval(months => (u.upto
          - (u.upto + c.h % c.every) % c.every)::int) - interval '1 day')::date - (c.i % 25)::int)
        when c.before_days > 0 then r.as_of - (date '2025-01-01' - 40 - (c.i % 300)::int)
      end as recency,
      case when c.before_days + k.bought = 0 then 'prospect' when k.bought > 0 and r.id - u.upto < 3 then 'active'
        else 'lapsed' end as stage) s
  cross join lateral (select case when s.net >= 10000000 then 'key' when s.net >= 1000000 then 'big'
      when s.net >= 100000 then 'mid' else 'small' end as tier) t;

-- The KPI inputs a publication writes beside its rows (snapshot_kpi_input, V21), in customer id order as it writes
-- them: the KPIs read these, not the rows above.
insert into snapshot_kpi_input (run_id, customer_id, tier, orders, purchase_days, net_cents, last_purchase_day, clv,
    p_alive, complaints, owner, region, industry)
  select s.run_id, s.customer_id, s.model_tier, s.frequency, (s.metrics::jsonb ->> 'purchase_days')::int,
    s.monetary_cents, (r.as_of - s.recency_days) - date '1970-01-01', s.clv, s.p_alive,
    (s.metrics::jsonb ->> 'complaints')::bigint, s.owner, s.metrics::jsonb ->> 'region', s.metrics::jsonb ->> 'industry'
  from snapshot_row s join tier_run r on r.id = s.run_id
  order by s.run_id, s.customer_id;

insert into survey (record_id, customer_id, at, nps, csat, comment)
  select 'S' || j, 'C' || lpad((1 + (j * 2246822519) % :customers)::text, 8, '0'),
    timestamp '2025-01-01' + make_interval(secs => (j * 40503) % (86400 * 30 * :snapshots)),
    case when j % 3 > 0 then ((j * 7) % 11)::smallint end, case when j % 3 < 2 then (1 + (j * 5) % 5)::smallint end, ''
  from generate_series(1::bigint, :surveys) j;
insert into interaction (record_id, customer_id, at, type, channel, outcome)
  values ('I1', 'C00000001', timestamp '2025-01-15 10:00', 'complaint', 'phone', '');
update current_run set run_id = :snapshots;
commit;

analyze;
