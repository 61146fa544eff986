-- 收文 (incoming package) and 协办 for 督查督办. Ids are UUID strings; a 收文's id is its process
-- business key. status: REGISTERED, PROPOSING, INSTRUCTING, HANDLING, CIRCULATING, ARCHIVING, ARCHIVED, VOIDED
-- (a wrong registration: its 收文编号 stays used, void_reason says why).
create table of_incoming_document (
  id                    varchar(36)   not null primary key,
  process_instance_id   varchar(64)   not null,
  receipt_year          int           not null,
  receipt_seq           int           not null,
  receipt_number        varchar(40)   not null,
  sender_org            varchar(200)  not null,
  sender_number         varchar(100),
  title                 varchar(500)  not null,
  received_on           date          not null,
  urgency               varchar(10)   not null,
  secrecy               varchar(10)   not null,
  pages                 int           not null,
  summary               varchar(2000),
  duplicate_of          varchar(36),
  registered_by         varchar(64)   not null,
  registered_by_name    varchar(100)  not null,
  registered_at         datetime(3)   not null,
  handling              varchar(10),
  proposal              varchar(2000),
  lead_department       varchar(64),
  lead_department_name  varchar(200),
  assisting_departments varchar(500),
  deadline_days         int,
  proposed_by           varchar(64),
  proposed_at           datetime(3),
  instruction           varchar(2000),
  instructed_by         varchar(64),
  instructed_by_name    varchar(100),
  instructed_at         datetime(3),
  circulate_to          varchar(500),
  supervision_item_id   varchar(36),
  archive_entry_id      varchar(36),
  void_reason           varchar(500),
  status                varchar(20)   not null,
  updated_at            datetime(3)   not null
);
create unique index of_incoming_document_number on of_incoming_document (receipt_year, receipt_seq);
create index of_incoming_document_sender on of_incoming_document (sender_org, sender_number);

-- 来文扫描件 and other electronic files of a 收文, each with its SHA-256
create table of_incoming_attachment (
  id           varchar(36)   not null primary key,
  document_id  varchar(36)   not null,
  seq          int           not null,
  file_name    varchar(255)  not null,
  media_type   varchar(200)  not null,
  file_size    int           not null,
  sha256       varchar(64)   not null,
  content      longblob      not null,
  uploaded_by  varchar(64)   not null,
  uploaded_at  datetime(3)   not null
);
create index of_incoming_attachment_document on of_incoming_attachment (document_id, seq);

-- 协办: the assisting departments of a 督办 item (comma-separated ids) and their input
alter table of_supervision_item add assisting_departments varchar(500);
alter table of_supervision_item add incoming_document_id varchar(36);

create table of_supervision_assist (
  id              varchar(36)   not null primary key,
  item_id         varchar(36)   not null,
  department      varchar(64)   not null,
  department_name varchar(200)  not null,
  opinion         varchar(4000) not null,
  user_id         varchar(64)   not null,
  user_name       varchar(100)  not null,
  created_at      datetime(3)   not null
);
create index of_supervision_assist_item on of_supervision_assist (item_id, created_at);
