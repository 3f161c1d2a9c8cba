-- Why an override ended when nobody removed it by hand: e.g. its tier no longer exists in the model a new run used.
alter table tier_override add column end_note varchar(500);
