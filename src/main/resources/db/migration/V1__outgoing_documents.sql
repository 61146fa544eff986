-- 发文 (outgoing package): its own tables (H2 and MySQL/MariaDB). Camunda's tables are created by the engine.
-- On MySQL/MariaDB, MysqlCharsetConverter makes every table utf8mb4 at start-up.
-- Until 2026-12 this file also created the platform's of_review and of_number_counter, now in V1_1;
-- MigrationHistoryRealignment moves databases that applied the old text over to the split once.

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
