-- 归档 and 销毁 (H2 and MySQL/MariaDB). Design: see cn.officeflow.archive.ArchiveService.
--
-- One hash chain over two kinds of records, ordered by one gapless sequence (counter "archive-chain",
-- year 0 in of_number_counter): archive entries (of_archive_entry) and the events that change an
-- entry afterwards (of_archive_event: paper location filed or moved, destroyed). Each record stores the
-- hash of the record before it (prev_hash) and its own hash over its immutable content. The mutable
-- columns of an entry (box, shelf, status, destroyed_on, destruction_id) are not hashed; they are
-- checked against the chained events instead, so marking an entry destroyed never edits hashed data.

-- 档案条目: classified 年度-部门-密级, the electronic file and the paper location (双备份)
create table of_archive_entry (
  id              varchar(36)   not null primary key,
  seq             int           not null,
  archive_year    int           not null,
  department_id   varchar(64)   not null,
  department_name varchar(100)  not null,
  secrecy         varchar(10)   not null,
  source          varchar(20)   not null,
  source_id       varchar(64)   not null,
  title           varchar(500)  not null,
  document_number varchar(64),
  file_name       varchar(255)  not null,
  media_type      varchar(200)  not null,
  file_size       int           not null,
  file_sha256     varchar(64)   not null,
  file_content    longblob      not null,
  archived_by     varchar(64)   not null,
  archived_at     datetime(3)   not null,
  prev_hash       varchar(64)   not null,
  entry_hash      varchar(64)   not null,
  -- mutable, verified against of_archive_event
  box             varchar(50),
  shelf           varchar(50),
  status          varchar(20)   not null,
  destroyed_on    date,
  destruction_id  varchar(36)
);
create unique index of_archive_entry_seq on of_archive_entry (seq);
create index of_archive_entry_class on of_archive_entry (archive_year, department_id, secrecy);
create index of_archive_entry_source on of_archive_entry (source, source_id);

-- 档案事件: what happened to an entry after it was archived, in the same chain
create table of_archive_event (
  id             varchar(36)   not null primary key,
  seq            int           not null,
  entry_id       varchar(36)   not null,
  event_type     varchar(20)   not null,
  box            varchar(50),
  shelf          varchar(50),
  destruction_id varchar(36),
  destroyed_on   date,
  method         varchar(10),
  actor          varchar(64)   not null,
  occurred_at    datetime(3)   not null,
  prev_hash      varchar(64)   not null,
  event_hash     varchar(64)   not null
);
create unique index of_archive_event_seq on of_archive_event (seq);
create index of_archive_event_entry on of_archive_event (entry_id, seq);

-- 文件销毁: one row per request (business key of the document_destruction instance = id)
create table of_archive_destruction (
  id                  varchar(36)   not null primary key,
  process_instance_id varchar(64),
  reason              varchar(1000) not null,
  method              varchar(10)   not null,
  applicant           varchar(64)   not null,
  applicant_name      varchar(100)  not null,
  status              varchar(20)   not null,
  witness1            varchar(64),
  witness1_name       varchar(100),
  witness2            varchar(64),
  witness2_name       varchar(100),
  destroyed_on        date,
  executed_by         varchar(64),
  created_at          datetime(3)   not null,
  updated_at          datetime(3)   not null
);

-- the entries of a request; open_entry_id = entry_id while the request is open (unique: an entry is in
-- at most one open request, on one node or several), null once it is destroyed or rejected
create table of_archive_destruction_entry (
  destruction_id varchar(36) not null,
  entry_id       varchar(36) not null,
  entry_order    int         not null,
  open_entry_id  varchar(36),
  primary key (destruction_id, entry_id)
);
create unique index of_archive_destruction_open on of_archive_destruction_entry (open_entry_id);
create index of_archive_destruction_entry_id on of_archive_destruction_entry (entry_id);
