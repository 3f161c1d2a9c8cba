-- Several servers on one database. Each instance writes a heartbeat; the runs and imports it owns are marked failed
-- only once that heartbeat is stale (the instance stopped or died), never because another instance started.
create table server_instance (
  id           varchar(64) primary key,
  started_at   timestamp with time zone not null,
  heartbeat_at timestamp with time zone not null
);
alter table tier_run add column instance_id varchar(64);
alter table import_job add column instance_id varchar(64);

-- One run at a time across instances: the running run, claimed by a conditional update (null when none runs).
create table run_lock (
  id     int primary key,
  run_id bigint
);
insert into run_lock (id, run_id) values (1, null);
update run_lock set run_id = (select max(id) from tier_run where status = 'running') where id = 1;

-- The writers' lock (imports, batch calls): its one row is locked for the writer's transaction.
create table write_lock (
  id int primary key
);
insert into write_lock (id) values (1);

-- Each fire of a schedule, taken by the one instance whose insert succeeded (the fire time is the cron's nominal
-- time, the same on every instance), with the run it started if one could start.
create table schedule_fire (
  schedule_name varchar(64) not null,
  fire_time     timestamp with time zone not null,
  instance_id   varchar(64) not null,
  run_id        bigint,
  primary key (schedule_name, fire_time)
);
