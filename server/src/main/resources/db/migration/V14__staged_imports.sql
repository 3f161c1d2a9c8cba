-- File imports are committed in chunks and switched on at the end (strata.server.intake.Imports): every row an
-- import stores carries its import_id, and while the import's id is in import_hidden no reader sees those rows
-- (strata.server.data.Visible). The switch deletes the import_hidden row in the transaction that marks the job
-- succeeded and applies what was staged; an import that never switched has its rows deleted. Rows stored before
-- this migration, by the batch API or by other features have no import_id and are always visible.
alter table purchase add column import_id bigint;
alter table interaction add column import_id bigint;
alter table survey add column import_id bigint;
-- (import_id, customer_id): the switch and the clean-up find an import's rows, and its customers, by it.
create index purchase_import on purchase (import_id, customer_id);
create index interaction_import on interaction (import_id);
create index survey_import on survey (import_id);

create table import_hidden (
  import_id bigint primary key
);

-- A customers file's profiles, as they will be stored (merged over the stored ones), applied at the switch.
create table customer_staged (
  import_id bigint not null,
  id        varchar(256) not null,
  name      varchar(500) not null,
  industry  varchar(200) not null,
  size      varchar(100) not null,
  region    varchar(200) not null,
  owner     varchar(200) not null,
  phone     varchar(100) not null,
  email     varchar(320) not null,
  birthday  date,
  created   date,
  primary key (import_id, id)
);

-- A purchases file's customers' summaries with its purchases merged in, replacing theirs at the switch.
create table summary_staged (
  import_id           bigint not null,
  customer_id         varchar(256) not null,
  purchase_days       bytea not null,
  order_keys          bytea not null,
  lines_without_order bigint not null,
  lines               bigint not null,
  net_cents           bigint not null,
  refund_cents        bigint not null,
  first_day_net_cents bigint not null,
  categories          varchar(100000) not null,
  primary key (import_id, customer_id)
);
