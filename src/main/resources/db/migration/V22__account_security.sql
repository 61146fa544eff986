-- 账号安全 (等保 三级; H2 and MySQL/MariaDB). Design: see cn.officeflow.platform.security.AccountSecurity.
--
-- of_login_counter: failed logins counted per key in a window, and a block until a time once the limit is
-- reached. Keys: "user:<id>" (the account lockout), "addr-user:<address>|<id>" and "addr:<address>" (the
-- per-source-address throttle). Counted with single UPDATE statements, so that concurrent failures on
-- several nodes are neither lost nor double counted.
create table of_login_counter (
  counter_key   varchar(400)  not null primary key,
  failures      int           not null,
  window_start  datetime(3)   not null,
  blocked_until datetime(3)
);

-- of_password_state: when the password was last set and whether it must be changed at the next login
-- (set by an administrator, or expired by the security administrator)
create table of_password_state (
  user_id     varchar(255)  not null primary key,
  changed_at  datetime(3)   not null,
  must_change boolean       not null
);

-- of_password_history: the hashes of the passwords a user had, salted and hashed as Camunda stores them
-- (ACT_ID_USER.PWD_ / SALT_), so that the last ones are not used again; seq orders them per user (MySQL
-- connections send no fractional seconds, so changed_at alone does not)
create table of_password_history (
  id         varchar(36)   not null primary key,
  user_id    varchar(255)  not null,
  seq        int           not null,
  pwd_hash   varchar(255)  not null,
  salt       varchar(255),
  changed_at datetime(3)   not null
);
create unique index of_password_history_user on of_password_history (user_id, seq);

-- of_account_totp: the TOTP secret (RFC 6238) of an administrator; confirmed_at is null until the first
-- code was entered; last_step is the last time step accepted (a code is used only once)
create table of_account_totp (
  user_id      varchar(255)  not null primary key,
  secret       varchar(64)   not null,
  created_at   datetime(3)   not null,
  confirmed_at datetime(3),
  last_step    bigint
);
