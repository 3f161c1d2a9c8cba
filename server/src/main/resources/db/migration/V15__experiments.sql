-- Control-group experiments declared by a tier model's holdout: keys (issue 16 §2), started by the first run
-- published with the model version that declares them and ended, with a note, by the one that removes them. Who is
-- held out is not stored: it is recomputed from SHA-256(experiment id, customer id) (strata.experiment.HoldoutHash)
-- against the tier cutoffs frozen at the start (experiment_stratum); a customer's stratum is its tier in the
-- start snapshot (start_run), so the groups can be reproduced anywhere from these rows and that snapshot.
create table experiment (
  id             varchar(40) primary key,
  share          double precision not null,
  -- the tiers holding customers out and where each holdout is declared, comma-separated (tier/holdout keys)
  tiers          varchar(2000) not null,
  scopes         varchar(4000) not null,
  model_version  int not null,
  start_run      bigint not null,
  started_as_of  date not null,
  started_at     timestamp with time zone not null,
  planned_end    date not null,
  -- the revenue bootstrap's seed (strata.experiment.UpliftOptions), so a result can be reproduced
  seed           bigint not null,
  ended_at       timestamp with time zone,
  ended_as_of    date,
  end_run        bigint,
  end_code       varchar(32),
  end_detail     varchar(200)
);

-- Per tier of an experiment: the hash cutoff below which a customer is held out, and how many were enrolled.
create table experiment_stratum (
  experiment_id varchar(40) not null,
  tier          varchar(64) not null,
  cutoff        double precision not null,
  enrolled      int not null,
  primary key (experiment_id, tier)
);
