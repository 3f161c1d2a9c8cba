-- The task lists walk these in their order (due day, then id) and stop after a page, or probe a customer's tasks of a
-- status without reading the rows (bench/README.md, "Task lists at 1M customers / 5M tasks"). Each replaces the V9
-- index that is its prefix.
drop index service_task_customer;
drop index service_task_status_due;
drop index service_task_owner;
create index service_task_customer on service_task (customer_id, status, due_date, id);
create index service_task_status_due on service_task (status, due_date, id);
create index service_task_owner on service_task (owner, status, due_date, id);
