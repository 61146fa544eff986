-- 抄送 (DESIGN.md §6 task operations): a user given read access to a business record from one of its tasks.
-- One row per record and user (a second 抄送 to the same person is refused); read_at set when they mark 已阅.
-- Process, step and title are copied at 抄送 time so that 「抄送我的」 lists them without the engine.
create table of_cc (
  id                  varchar(36)   not null primary key,
  business_key        varchar(64)   not null,
  process_key         varchar(64)   not null,
  process_name        varchar(255)  not null,
  process_instance_id varchar(64)   not null,
  task_id             varchar(64)   not null,
  task_name           varchar(255)  not null,
  title               varchar(500),
  user_id             varchar(64)   not null,
  cc_by               varchar(64)   not null,
  cc_by_name          varchar(100)  not null,
  cc_at               datetime(3)   not null,
  read_at             datetime(3),
  constraint of_cc_record_user unique (business_key, user_id)
);
create index of_cc_user on of_cc (user_id, cc_at);
