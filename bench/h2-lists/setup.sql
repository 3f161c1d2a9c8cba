-- 250,000 customers in two snapshots of the server's snapshot_row shape (wide metrics and explanation texts as a
-- run writes them) with the list indexes of migrations V1, V2 and V7, for ListTimes.java (bench/README.md, "H2 lists").
create table customer (id varchar(256) primary key, name varchar(200), owner varchar(200), industry varchar(100), region varchar(100));
create table snapshot_row (
  run_id bigint not null, customer_id varchar(256) not null, tier varchar(64) not null, model_tier varchar(64) not null,
  override_id bigint, segment varchar(32), segment11 varchar(32), lifecycle varchar(16) not null, abc varchar(1),
  quadrant varchar(16), recency_days int, frequency bigint not null, monetary_cents bigint not null,
  r_score smallint, f_score smallint, m_score smallint, composite_score real, clv real, p_alive real,
  metrics varchar(20000) not null, explanation varchar(20000) not null, owner varchar(200), primary key (run_id, customer_id));
create index snapshot_row_tier on snapshot_row (run_id, tier);
create index snapshot_row_order on snapshot_row (run_id, composite_score desc nulls last, customer_id);
create index snapshot_row_tier_order on snapshot_row (run_id, tier, composite_score desc nulls last, customer_id);
create index snapshot_row_override on snapshot_row (run_id, override_id);
create index snapshot_row_owner_order on snapshot_row (run_id, owner, composite_score desc nulls last, customer_id);
create index snapshot_row_owner_tier_order on snapshot_row (run_id, owner, tier, composite_score desc nulls last, customer_id);
create index snapshot_row_monetary_order on snapshot_row (run_id, monetary_cents desc, customer_id);
insert into customer select 'C' || x, '客户名' || mod(x*7919, 99991) || '公司', 'owner' || mod(x, 40), 'ind', 'reg' from system_range(1, 250000) t(x);
insert into snapshot_row select 1, 'C' || x, 't' || mod(x,4), 't' || mod(x,4), null, 'seg'||mod(x,11), 'seg'||mod(x,11), 'active', 'A', 'q', mod(x,365), mod(x,20), mod(x*31,1000000), 1,2,3, mod(x*17,1000)/1000.0, mod(x*13,10000), 0.5, repeat('m', 800), repeat('e', 1200), 'owner' || mod(x, 40) from system_range(1, 250000) t(x);
insert into snapshot_row select 2, customer_id, tier, model_tier, override_id, segment, segment11, lifecycle, abc, quadrant, recency_days, frequency, monetary_cents, r_score, f_score, m_score, composite_score, clv, p_alive, metrics, explanation, owner from snapshot_row where run_id = 1;
analyze;
