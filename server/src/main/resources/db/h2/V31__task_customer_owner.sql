-- A task carries its customer's current owner, as in db/postgresql/V31 (why there). The copy is kept by Java triggers
-- (strata.server.task.TaskCustomerOwner), in the statement that writes the customer or the task.
alter table service_task add column customer_owner varchar(200);
update service_task t set customer_owner = (select c.owner from customer c where c.id = t.customer_id);
create index service_task_customer_owner on service_task (customer_owner, status, due_date, id);
-- A manager's lists and TeamSummary's counts walk the V28 indexes by the task's owner or by status and due day and keep
-- the team's customers' tasks: with the copy as the indexes' last column that check reads no row.
drop index service_task_owner;
drop index service_task_status_due;
create index service_task_owner on service_task (owner, status, due_date, id, customer_owner);
create index service_task_status_due on service_task (status, due_date, id, customer_owner);
create trigger service_task_customer_owner before insert, update on service_task for each row
  call 'strata.server.task.TaskCustomerOwner';
create trigger customer_owner_to_tasks after insert, update, delete on customer for each row
  call 'strata.server.task.TaskCustomerOwner';
