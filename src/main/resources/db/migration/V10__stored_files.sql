-- Stored files of the platform (package cn.officeflow.platform.files): evidence and other files that belong to a
-- business record (owner_key = its business key, e.g. an emergency's id), kept with their SHA-256. Rows are never
-- updated; a removal deletes the row (refused by the owning process once its record is closed).
create table of_stored_file (
  id               varchar(36)   not null primary key,
  owner_key        varchar(64)   not null,
  file_name        varchar(255)  not null,
  media_type       varchar(200)  not null,
  file_size        bigint        not null,
  sha256           varchar(64)   not null,
  content          longblob      not null,
  step             varchar(100),
  uploaded_by      varchar(64)   not null,
  uploaded_by_name varchar(100)  not null,
  uploaded_at      datetime(3)   not null
);
create index of_stored_file_owner on of_stored_file (owner_key, uploaded_at);
