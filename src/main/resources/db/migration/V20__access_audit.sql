-- 安全审计 (access audit, 等保 三级; H2 and MySQL/MariaDB). Design: see cn.officeflow.platform.audit.AuditLog.
--
-- Append-only: the application only inserts rows, and deletes the oldest ones when they are older than the
-- retention (officeflow.audit.retention, 180 days by default). Every row stores the hash of the row before it
-- (prev_hash, by the gapless sequence of counter "audit-chain", year 0 in of_number_counter) and its own hash
-- over all its fields. A purge records a checkpoint (the last purged sequence number and its hash), so the
-- remaining chain still verifies from there, and appends a PURGE event naming that checkpoint to the chain.
create table of_audit_event (
  id             varchar(36)   not null primary key,
  seq            bigint        not null,
  event_type     varchar(20)   not null,
  action         varchar(100)  not null,
  user_id        varchar(128),
  occurred_at    datetime(3)   not null,
  source_address varchar(64),
  target         varchar(500),
  result         varchar(20)   not null,
  detail         varchar(1000),
  prev_hash      varchar(64)   not null,
  event_hash     varchar(64)   not null
);
create unique index of_audit_event_seq on of_audit_event (seq);
create index of_audit_event_time on of_audit_event (occurred_at);
create index of_audit_event_user on of_audit_event (user_id, occurred_at);
create index of_audit_event_type on of_audit_event (event_type, occurred_at);

-- 保留期清理的检查点: the chain continues after through_seq from through_hash
create table of_audit_checkpoint (
  id           varchar(36)  not null primary key,
  through_seq  bigint       not null,
  through_hash varchar(64)  not null,
  purged_count int          not null,
  purged_at    datetime(3)  not null
);
create unique index of_audit_checkpoint_seq on of_audit_checkpoint (through_seq);
