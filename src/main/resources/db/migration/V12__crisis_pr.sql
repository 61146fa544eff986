-- 危机公关「30分钟响应」(crisis package). Ids are UUID strings; the case's id is the process business key.
-- origin: TASKLIST (pr-team 上报) | ALERT (舆情监测系统 PublicOpinionAlert) | EMERGENCY (应急响应 声誉 case, call activity).
-- status: RESPONDING (until the first response is published), FOLLOWING_UP, REVIEWING, CLOSED.
-- response_minutes: wall-clock minutes (rounded up) from reported_at to first_response_at; within_target 1 when
-- the first response came within 30 minutes. warned_at / escalated_at: when the 20 / 30-minute timers fired.
create table of_crisis_case (
  id                  varchar(36)   not null primary key,
  process_instance_id varchar(64)   not null,
  origin              varchar(20)   not null,
  emergency_id        varchar(64),
  emergency_level     varchar(10),
  keyword             varchar(200)  not null,
  source              varchar(100)  not null,
  summary             varchar(2000) not null,
  link                varchar(1000),
  spread              varchar(2000),
  impact_level        varchar(10),
  assessment          varchar(2000),
  initiator           varchar(64)   not null,
  initiator_name      varchar(100)  not null,
  reported_at         datetime(3)   not null,
  first_response_at   datetime(3),
  first_response_by   varchar(64),
  first_response_by_name varchar(100),
  response_minutes    int,
  within_target       int,
  warned_at           datetime(3),
  escalated_at        datetime(3),
  status              varchar(20)   not null,
  review_report       longtext,
  archive_entry_id    varchar(36),
  closed_at           datetime(3),
  updated_at          datetime(3)   not null
);
create index of_crisis_case_status on of_crisis_case (status, reported_at);
create index of_crisis_case_reported on of_crisis_case (reported_at);

-- 时间线: one row per step (上报, 监测, 评估, 法务意见, 回应草案, 发布回应, 预警, 升级, 持续监测, 追加回应, 复盘).
-- seq orders the steps of a case (several may share one engine-clock instant); channel is set on published responses.
create table of_crisis_step (
  id          varchar(36)   not null primary key,
  case_id     varchar(36)   not null,
  seq         int           not null,
  step        varchar(40)   not null,
  step_name   varchar(100)  not null,
  detail      longtext,
  channel     varchar(100),
  user_id     varchar(64)   not null,
  user_name   varchar(100)  not null,
  created_at  datetime(3)   not null
);
create unique index of_crisis_step_case on of_crisis_step (case_id, seq);

-- 改进措施 of the 复盘报告 (one per line: 内容 | 责任人 | 完成期限), each a tracked 整改落实 task for its owner.
-- status: OPEN | DONE.
create table of_crisis_improvement (
  id          varchar(36)   not null primary key,
  case_id     varchar(36)   not null,
  seq         int           not null,
  item_text   varchar(500)  not null,
  owner       varchar(64)   not null,
  owner_name  varchar(100)  not null,
  due         date          not null,
  status      varchar(10)   not null,
  result      varchar(2000),
  done_by     varchar(64),
  done_at     datetime(3)
);
create unique index of_crisis_improvement_case on of_crisis_improvement (case_id, seq);
