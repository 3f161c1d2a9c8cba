-- The tier a customer was in, in the current snapshot, when it moved (its run): the tiers' owner policies leave a
-- customer alone while it stays in the tier it was moved in (a claim, an assignment, a return by the pool rules, an
-- escalation), and place it again when it changes tier. Moves the owner policies make themselves carry rule
-- 'policy'. Earlier moves count as made in the tier the customer is in now.
alter table pool_event add column tier varchar(64);
alter table pool_event add column run_id bigint;
update pool_event set run_id = (select run_id from current_run where id = 1),
  tier = (select r.tier from snapshot_row r join current_run k on k.run_id = r.run_id
          where r.customer_id = pool_event.customer_id);
