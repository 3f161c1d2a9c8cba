-- A task carries its customer's current owner, as in db/postgresql/V31 (why there). The copy is kept by Java triggers
-- (strata.server.task.TaskCustomerOwner), in the statement that writes the customer or the task.
alter table service_task add column customer_owner varchar(200);
update service_task t set customer_owner = (select c.owner from customer c where c.id = t.customer_id);
create index service_task_customer_owner on service_task (customer_owner, status, due_date, id);
create trigger service_task_customer_owner before insert, update on service_task for each row
  call 'strata.server.task.TaskCustomerOwner';
create trigger customer_owner_to_tasks after insert, update, delete on customer for each row
  call 'strata.server.task.TaskCustomerOwner';
