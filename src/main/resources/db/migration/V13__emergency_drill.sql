-- 应急演练 (drill package). Ids are UUID strings; the drill's id is the process business key.
-- quarter: 2026Q4 (the quarter the drill was started in, Beijing time); started_by: TIMER | MANUAL;
-- status: PLANNING, SCHEDULED, EVALUATING, IMPROVING, DONE (IMPROVING and DONE count as a completed drill).
create table of_drill (
  id                  varchar(36)   not null primary key,
  process_instance_id varchar(64)   not null,
  quarter             varchar(6)    not null,
  started_by          varchar(10)   not null,
  initiator           varchar(64),
  initiator_name      varchar(100),
  reason              varchar(500),
  drill_type          varchar(10),
  planned_date        date,
  planned_time        varchar(5),
  place               varchar(200),
  scenario            varchar(2000),
  organiser           varchar(64),
  organiser_name      varchar(100),
  planned_by          varchar(64),
  notified_count      int,
  participant_count   int,
  participants        varchar(4000),
  evacuation_seconds  int,
  headcount_expected  int,
  headcount_present   int,
  headcount_seconds   int,
  issues              varchar(4000),
  conducted_by        varchar(64),
  conducted_at        datetime(3),
  evaluated_by        varchar(64),
  evaluated_at        datetime(3),
  evaluation_comment  varchar(2000),
  status              varchar(20)   not null,
  started_at          datetime(3)   not null,
  completed_at        datetime(3),
  updated_at          datetime(3)   not null
);
create index of_drill_quarter on of_drill (quarter, status);

-- 整改事项: one row per improvement item of an evaluated drill, each a tracked task for its owner.
create table of_drill_improvement (
  id          varchar(36)   not null primary key,
  drill_id    varchar(36)   not null,
  seq         int           not null,
  text        varchar(1000) not null,
  owner_id    varchar(64)   not null,
  owner_name  varchar(100)  not null,
  due         date          not null,
  status      varchar(10)   not null,
  result      varchar(2000),
  done_at     datetime(3),
  created_at  datetime(3)   not null
);
create index of_drill_improvement_drill on of_drill_improvement (drill_id, seq);

-- 季度核查: one row per quarter checked at its end; covered = 1 when it had a completed drill, else the
-- quarter was reported to the leaders.
create table of_drill_quarter_check (
  quarter          varchar(6)    not null primary key,
  checked_at       datetime(3)   not null,
  covered          int           not null,
  drills           int           not null,
  completed_drills int           not null,
  reported_to      varchar(500),
  process_instance_id varchar(64) not null
);
