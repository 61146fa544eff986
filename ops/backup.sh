#!/usr/bin/env bash
# OfficeFlow 数据库备份 / database backup (MariaDB 10.11+ or MySQL 8)
#
#   ops/backup.sh [backup-directory]          (default: ./backups)
#
# Everything OfficeFlow keeps lives in its one database: Camunda's tables (ACT_*), the business tables (of_*),
# the archive's files and hash chain, 收文 scans, the access audit log and the 法定节假日 the office loaded.
# Outside it only: the configuration (environment / application.yaml) and, when set, the directory of
# officeflow.calendar.directory (OFFICEFLOW_CALENDAR_DIR below copies it next to the dump).
#
# Online and consistent: --single-transaction takes one InnoDB snapshot (READ COMMITTED elsewhere does not
# matter), so the application keeps running on both nodes; no table locks (--skip-lock-tables).
#
# Settings (environment):
#   OFFICEFLOW_BACKUP_DB_HOST (127.0.0.1), OFFICEFLOW_BACKUP_DB_PORT (3306), OFFICEFLOW_BACKUP_DB_NAME (officeflow),
#   OFFICEFLOW_BACKUP_DB_USER (root), password in MYSQL_PWD (not shown in ps) or an option file
#   (OFFICEFLOW_BACKUP_DEFAULTS_FILE, e.g. a 0600 file with [client] user=… password=…),
#   OFFICEFLOW_CALENDAR_DIR (optional), OFFICEFLOW_BACKUP_KEEP_DAYS (optional: delete older backups).
# Output: <dir>/officeflow-<db>-<UTC timestamp>.sql.gz and .sha256 next to it; prints the dump's path last.
set -euo pipefail

dir="${1:-./backups}"
host="${OFFICEFLOW_BACKUP_DB_HOST:-127.0.0.1}"
port="${OFFICEFLOW_BACKUP_DB_PORT:-3306}"
db="${OFFICEFLOW_BACKUP_DB_NAME:-officeflow}"
user="${OFFICEFLOW_BACKUP_DB_USER:-root}"

dump_tool=""
for candidate in mariadb-dump mysqldump; do
  if command -v "$candidate" >/dev/null 2>&1; then
    dump_tool="$candidate"
    break
  fi
done
if [[ -z "$dump_tool" ]]; then
  echo "backup: neither mariadb-dump nor mysqldump found (apt-get install mariadb-client)" >&2
  exit 2
fi

connection=()
if [[ -n "${OFFICEFLOW_BACKUP_DEFAULTS_FILE:-}" ]]; then
  connection+=("--defaults-extra-file=$OFFICEFLOW_BACKUP_DEFAULTS_FILE")
fi
connection+=(-h"$host" -P"$port" -u"$user")

mkdir -p "$dir"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
file="$dir/officeflow-$db-$stamp.sql.gz"
partial="$file.partial"

options=(
  --single-transaction --skip-lock-tables --quick
  --routines --triggers --events
  --hex-blob --default-character-set=utf8mb4
  --no-tablespaces
  --databases "$db"
)
# mysqldump of MySQL 8 with GTIDs would write SET @@GLOBAL.GTID_PURGED, which a restore elsewhere refuses
if "$dump_tool" --help 2>/dev/null | grep -q -- '--set-gtid-purged'; then
  options+=(--set-gtid-purged=OFF)
fi

echo "backup: $dump_tool of $db on $host:$port → $file" >&2
"$dump_tool" "${connection[@]}" "${options[@]}" | gzip -6 > "$partial"
# a dump that stopped half-way has no completion line: refuse it
if ! gzip -dc "$partial" | tail -n 1 | grep -q -- '-- Dump completed'; then
  echo "backup: the dump is incomplete (no '-- Dump completed' line); see the errors above" >&2
  rm -f "$partial"
  exit 1
fi
mv "$partial" "$file"
(cd "$dir" && sha256sum "$(basename "$file")" > "$(basename "$file").sha256")

if [[ -n "${OFFICEFLOW_CALENDAR_DIR:-}" && -d "${OFFICEFLOW_CALENDAR_DIR}" ]]; then
  tar -C "$OFFICEFLOW_CALENDAR_DIR" -czf "$dir/officeflow-calendar-$stamp.tar.gz" .
  echo "backup: calendar directory → $dir/officeflow-calendar-$stamp.tar.gz" >&2
fi

if [[ -n "${OFFICEFLOW_BACKUP_KEEP_DAYS:-}" ]]; then
  find "$dir" -maxdepth 1 -name 'officeflow-*' -type f -mtime +"$OFFICEFLOW_BACKUP_KEEP_DAYS" -print -delete >&2
fi

echo "$file"
