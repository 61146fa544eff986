-- 应急分级响应 (emergency package). The case's id is the process business key. level: Ⅰ Ⅱ Ⅲ Ⅳ (U+2160…U+2163);
-- status: RESPONDING (reported, alerts sent), CLOSED (结案, evidence frozen, 复盘 due), REVIEWED (整改中), DONE.
-- The *_at columns are the key steps (engine clock) from which the response times are computed.
create table of_emergency (
  id                  varchar(36)   not null primary key,
  process_instance_id varchar(64)   not null,
  reporter            varchar(64)   not null,
  reporter_name       varchar(100)  not null,
  reported_at         datetime(3)   not null,
  dimension           varchar(10)   not null,
  scenario            varchar(100)  not null,
  location            varchar(200)  not null,
  description         varchar(4000) not null,
  injured             int           not null,
  emergency_level     varchar(4),
  status              varchar(20)   not null,
  alerted_at          datetime(3),
  safety_confirmed_at datetime(3),
  safety_confirmed_by varchar(64),
  on_site_done_at     datetime(3),
  checklist           varchar(4000),
  support_done_at     datetime(3),
  assets_done_at      datetime(3),
  crisis_done_at      datetime(3),
  crisis_response_minutes bigint,
  closed_at           datetime(3),
  review_due_at       datetime(3),
  reviewed_at         datetime(3),
  lessons             varchar(4000),
  archive_entry_id    varchar(36),
  done_at             datetime(3),
  updated_at          datetime(3)   not null
);
create index of_emergency_status on of_emergency (status, emergency_level);

-- 优化建议 from 复盘, one row per item; each becomes a Task_Improve for its owner.
create table of_emergency_improvement (
  emergency_id varchar(36)   not null,
  seq          int           not null,
  content      varchar(1000) not null,
  owner_id     varchar(64)   not null,
  owner_name   varchar(100)  not null,
  due          date          not null,
  result       varchar(4000),
  done_at      datetime(3),
  primary key (emergency_id, seq)
);
