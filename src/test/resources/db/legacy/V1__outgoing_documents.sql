-- OfficeFlow's own tables (H2 and MySQL/MariaDB). Camunda's tables are created by the engine.
-- On MySQL/MariaDB, MysqlCharsetConverter makes every table utf8mb4 at start-up.

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

-- 发文: one row per document, the current state; business key of the process instance = id
create table of_outgoing_document (
  id                  varchar(36)   not null primary key,
  process_instance_id varchar(64),
  title               varchar(500)  not null,
  doc_type            varchar(10)   not null,
  main_recipients     varchar(1000) not null,
  copy_to             varchar(1000),
  attachments         varchar(4000),
  urgency             varchar(10)   not null,
  secrecy             varchar(10)   not null,
  doc_code            varchar(20)   not null,
  countersign_depts   varchar(1000),
  drafter             varchar(64)   not null,
  drafter_name        varchar(100)  not null,
  draft_dept          varchar(64)   not null,
  draft_dept_name     varchar(100)  not null,
  status              varchar(20)   not null,
  version             int           not null,
  document_number     varchar(64),
  number_year         int,
  number_seq          int,
  signer              varchar(64),
  signer_name         varchar(100),
  signed_at           datetime(3),
  issued_at           datetime(3),
  docx                longblob,
  created_at          datetime(3)   not null,
  updated_at          datetime(3)   not null
);
create unique index of_outgoing_number on of_outgoing_document (document_number);
create index of_outgoing_drafter on of_outgoing_document (drafter);
create index of_outgoing_year on of_outgoing_document (number_year);

-- 版本管控: every submitted text of a document (version 1 = the draft, then one per revision)
create table of_outgoing_version (
  document_id     varchar(36)   not null,
  version         int           not null,
  title           varchar(500)  not null,
  doc_type        varchar(10)   not null,
  main_recipients varchar(1000) not null,
  copy_to         varchar(1000),
  attachments     varchar(4000),
  urgency         varchar(10)   not null,
  secrecy         varchar(10)   not null,
  body            longtext      not null,
  edited_by       varchar(64)   not null,
  edited_at       datetime(3)   not null,
  primary key (document_id, version)
);
