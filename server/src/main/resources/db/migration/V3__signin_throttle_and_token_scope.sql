-- Sign-in throttling, shared by every server on the database. One row per key: 'client:<address>',
-- 'pair:<address> <username>' (one client against one account) and 'account:<username>'. Times are epoch
-- milliseconds so the delay arithmetic is the same plain integer SQL on H2 and PostgreSQL.
create table signin_throttle (
  throttle_key varchar(400) primary key,
  failures     integer not null,
  retry_at_ms  bigint not null,
  last_at_ms   bigint not null
);
create index signin_throttle_last_at on signin_throttle (last_at_ms);

-- API tokens: what they may do ('all', 'read', 'import'); existing tokens keep full rights.
alter table api_token add column scope varchar(16) default 'all' not null;
