-- Customer tags (标签, strata.server.tag): short labels people put on customers, one by one or in bulk from the list,
-- to find them again (the list filters by tag). Normalised by core's strata.tag.Tags before they are stored. Tags
-- belong to the customer record and stay when runs come and go.
create table customer_tag (
  customer_id varchar(256) not null,
  tag         varchar(200) not null,
  created_by  varchar(64) not null,
  created_at  timestamp with time zone not null,
  primary key (customer_id, tag)
);
create index customer_tag_by_tag on customer_tag (tag, customer_id);
