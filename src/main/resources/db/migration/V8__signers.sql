-- 加签 (DESIGN.md §6 task operations): users asked to decide on a step besides its assignee. One row per main
-- task and signer; before = they decide first (their subtask is created at once), after = they decide once the
-- assignee has decided (subtask created then). decision/comment/decided_at are set when they decide; 减签 deletes
-- a row that has not decided. Step, record and instance are copied so that read access needs no engine query.
create table of_signer (
  id                  varchar(36)   not null primary key,
  task_id             varchar(64)   not null,
  subtask_id          varchar(64),
  business_key        varchar(64)   not null,
  process_key         varchar(64)   not null,
  process_instance_id varchar(64)   not null,
  step_id             varchar(255)  not null,
  step_name           varchar(255)  not null,
  user_id             varchar(64)   not null,
  mode                varchar(10)   not null,
  seq                 int           not null,
  added_by            varchar(64)   not null,
  added_at            datetime(3)   not null,
  decision            varchar(10),
  comment             varchar(2000),
  decided_at          datetime(3),
  constraint of_signer_task_user unique (task_id, user_id)
);
create index of_signer_subtask on of_signer (subtask_id);
create index of_signer_record on of_signer (business_key, user_id);

-- The assignee's decision on a step with 后加签 signers, held until they have all decided; then the step is
-- completed with it (or with reject when a signer rejected). One row per main task.
create table of_signer_hold (
  task_id             varchar(64)   not null primary key,
  user_id             varchar(64)   not null,
  decision            varchar(10)   not null,
  comment             varchar(2000),
  held_at             datetime(3)   not null
);
