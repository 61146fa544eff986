-- 通知: every e-mail and SMS the application sends (notify package). Ids are UUID strings.
-- A row is written in the business transaction (PENDING); the notification_delivery process, whose
-- business key is the row's id, sends it in a job and writes SENT (with sent_at) or FAILED
-- (attempts + 1, last_error) back.
create table of_notification (
  id            varchar(36)   not null primary key,
  recipient     varchar(64)   not null,
  address       varchar(254),
  channel       varchar(10)   not null,
  template      varchar(64)   not null,
  subject       varchar(500)  not null,
  body          longtext      not null,
  business_key  varchar(64),
  created_by    varchar(64)   not null,
  created_at    datetime(3)   not null,
  status        varchar(10)   not null,
  attempts      int           not null,
  last_error    varchar(2000),
  sent_at       datetime(3)
);
create index of_notification_business on of_notification (business_key, created_at);
create index of_notification_recipient on of_notification (recipient, created_at);
create index of_notification_status on of_notification (status);
