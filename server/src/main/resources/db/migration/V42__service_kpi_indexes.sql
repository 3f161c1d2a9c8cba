-- The service KPIs (contact coverage, task completion; strata.server.kpi.ServiceStates) read the contacts of the
-- longest cadence window before a snapshot's as-of day: interactions by time and tasks done with outcome 'reached'
-- by their closing time. Neither had an index that starts with the time, so each computation read both tables whole
-- (at 250k customers see bench/README.md "Service KPI queries"). customer_id rides along in both: the queries group
-- by it.
create index interaction_at on interaction (at, customer_id);
create index service_task_reached on service_task (status, outcome, closed_at, customer_id);
