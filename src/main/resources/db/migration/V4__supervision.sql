-- 督查督办 (supervision package). Ids are UUID strings; the item's id is the process business key.
-- light: GREEN | YELLOW | RED (红黄绿灯); status: ASSIGNING, HANDLING, INSPECTING, ASSESSING, DONE.
create table of_supervision_item (
  id                  varchar(36)   not null primary key,
  process_instance_id varchar(64)   not null,
  title               varchar(200)  not null,
  basis               varchar(1000) not null,
  requirements        longtext,
  department          varchar(64)   not null,
  department_name     varchar(200)  not null,
  handler             varchar(64),
  handler_name        varchar(100),
  initiator           varchar(64)   not null,
  initiator_name      varchar(100)  not null,
  started_at          datetime(3)   not null,
  due                 date          not null,
  due_at              datetime(3)   not null,
  yellow_at           datetime(3)   not null,
  light               varchar(10)   not null,
  status              varchar(20)   not null,
  score               int,
  remarks             varchar(2000),
  escalated_to        varchar(500),
  escalation_note     varchar(2000),
  completed_at        datetime(3),
  updated_at          datetime(3)   not null
);
create index of_supervision_item_light on of_supervision_item (light, due);

-- 进度反馈: one row per completion of 承办 (progress note, 办结 or not).
create table of_supervision_feedback (
  id          varchar(36)   not null primary key,
  item_id     varchar(36)   not null,
  progress    varchar(4000) not null,
  finished    int           not null,
  user_id     varchar(64)   not null,
  user_name   varchar(100)  not null,
  created_at  datetime(3)   not null
);
create index of_supervision_feedback_item on of_supervision_feedback (item_id, created_at);

-- 通报: items that went overdue (red light, escalated to the 分管领导), for the monthly 通报.
create table of_supervision_bulletin (
  id                 varchar(36)   not null primary key,
  item_id            varchar(36)   not null,
  kind               varchar(20)   not null,
  title              varchar(200)  not null,
  department         varchar(64)   not null,
  department_name    varchar(200)  not null,
  handler            varchar(64),
  handler_name       varchar(100),
  due                date          not null,
  escalated_to       varchar(500),
  escalated_to_names varchar(500),
  note               varchar(2000),
  created_at         datetime(3)   not null
);
create index of_supervision_bulletin_created on of_supervision_bulletin (created_at);
create index of_supervision_bulletin_item on of_supervision_bulletin (item_id);
