-- Overdue tasks the playbooks' escalation.after_days acted on (strata.remind.Escalations): each task once, so the
-- daily plan re-run the same day or later moves no customer twice for the same task.
create table task_escalation (
  task_id     bigint primary key,
  customer_id varchar(256) not null,
  action      varchar(16) not null,
  from_owner  varchar(200) not null,
  to_owner    varchar(200) not null,
  overdue_days int not null,
  at          timestamp with time zone not null
);
create index task_escalation_customer on task_escalation (customer_id);
