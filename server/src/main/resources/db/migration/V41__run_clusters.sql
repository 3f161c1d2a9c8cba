-- A run's behavioural clusters (issue 18 §2) as codes and figures per cluster, JSON: the 360° page describes a
-- customer's cluster from them in the reader's language. Null for runs that formed none or ran before.
alter table tier_run add column clusters varchar(20000);
