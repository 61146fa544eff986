-- The platform's own tables (platform.review, platform.numbering), used by every process.
-- Created by V1__outgoing_documents.sql until 2026-12 (see MigrationHistoryRealignment).

-- 审批意见: the review trail of every business record (any process)
create table of_review (
  id                  varchar(36)   not null primary key,
  business_key        varchar(64)   not null,
  process_key         varchar(64)   not null,
  process_instance_id varchar(64)   not null,
  step_id             varchar(64)   not null,
  step_name           varchar(100)  not null,
  user_id             varchar(64)   not null,
  user_name           varchar(100)  not null,
  decided_at          datetime(3)   not null,
  seq                 int           not null,
  decision            varchar(10)   not null,
  comment             varchar(2000)
);
create index of_review_business on of_review (business_key, decided_at, seq);

-- gapless numbers: one row per counter (e.g. docCode) and year
create table of_number_counter (
  counter_key  varchar(64) not null,
  counter_year int         not null,
  last_value   int         not null,
  primary key (counter_key, counter_year)
);
