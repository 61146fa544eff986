-- 工作日历: 法定节假日 and 调休 of a year loaded by the office (PUT /api/calendar/years/{year}, office-director).
-- A row here replaces the shipped calendar/holidays-<year>.yaml for that year as a whole. content is the
-- validated request as JSON ({"holidays":[{"name","from","to"}],"workdays":[...]}); version counts the changes
-- of the year (every node compares count and sum of versions to refresh its cached calendar).
create table of_calendar_year (
  calendar_year  int         not null primary key,
  version     int          not null,
  content     longtext     not null,
  changed_by  varchar(64)  not null,
  changed_at  datetime(3)  not null
);

-- every version ever stored, with the one it replaced (null for the first), append-only
create table of_calendar_year_history (
  id                varchar(36)  not null primary key,
  calendar_year     int          not null,
  version           int          not null,
  content           longtext     not null,
  previous_content  longtext,
  changed_by        varchar(64)  not null,
  changed_at        datetime(3)  not null
);
create unique index of_calendar_year_history_version on of_calendar_year_history (calendar_year, version);
