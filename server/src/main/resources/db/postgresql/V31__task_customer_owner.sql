-- A task carries its customer's current owner, so that a sales user's or a manager's task list is one index range
-- that stops at the page, with no probe of customer per task (bench/README.md, "Task lists at 1M customers / 5M
-- tasks"). Triggers keep the copy, so no writer of a customer or a task can miss it: an insert takes the customer's
-- owner, and every statement that inserts, updates or deletes customers moves their tasks with them. db/h2/V31 does
-- the same for the embedded H2 with Java triggers.
alter table service_task add column customer_owner varchar(200);
update service_task t set customer_owner = c.owner from customer c where c.id = t.customer_id;
create index service_task_customer_owner on service_task (customer_owner, status, due_date, id);
-- A manager's lists and TeamSummary's counts walk the V28 indexes by the task's owner or by status and due day and keep
-- the team's customers' tasks: with the copy as the indexes' last column that check reads no row.
drop index service_task_owner;
drop index service_task_status_due;
create index service_task_owner on service_task (owner, status, due_date, id, customer_owner);
create index service_task_status_due on service_task (status, due_date, id, customer_owner);

create function service_task_take_customer_owner() returns trigger language plpgsql as $$
begin
  new.customer_owner := (select owner from customer where id = new.customer_id);
  return new;
end $$;
create trigger service_task_customer_owner before insert or update of customer_id on service_task
  for each row execute function service_task_take_customer_owner();

-- Statement triggers with transition tables: an import's switch or a bulk assignment moves all its customers' tasks in
-- one join instead of one trigger call per customer.
create function customer_owner_to_tasks() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    update service_task t set customer_owner = null from gone g where t.customer_id = g.id;
  else
    update service_task t set customer_owner = n.owner from now_rows n
    where t.customer_id = n.id and t.customer_owner is distinct from n.owner;
  end if;
  return null;
end $$;
create trigger customer_inserted_to_tasks after insert on customer referencing new table as now_rows
  for each statement execute function customer_owner_to_tasks();
create trigger customer_updated_to_tasks after update on customer referencing new table as now_rows
  for each statement execute function customer_owner_to_tasks();
create trigger customer_deleted_to_tasks after delete on customer referencing old table as gone
  for each statement execute function customer_owner_to_tasks();
