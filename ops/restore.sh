#!/usr/bin/env bash
# OfficeFlow 数据库恢复 / restore a dump of ops/backup.sh into a database
#
#   ops/restore.sh <dump.sql.gz> <target-database>
#
# Checks the dump against its .sha256 (when present), creates <target-database> (utf8mb4 / utf8mb4_bin) and
# loads the dump into it. Refuses a target that already has tables (never overwrites: restore into a fresh
# database, point OFFICEFLOW_DB_URL at it, start one node, check, then the second node).
# After the start: GET /api/archive/verify and GET /api/audit/events/verify must both say intact.
#
# Settings (environment): OFFICEFLOW_BACKUP_DB_HOST (127.0.0.1), OFFICEFLOW_BACKUP_DB_PORT (3306),
# OFFICEFLOW_BACKUP_DB_USER (root), password in MYSQL_PWD or OFFICEFLOW_BACKUP_DEFAULTS_FILE.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 <dump.sql.gz> <target-database>" >&2
  exit 2
fi
dump="$1"
target="$2"
host="${OFFICEFLOW_BACKUP_DB_HOST:-127.0.0.1}"
port="${OFFICEFLOW_BACKUP_DB_PORT:-3306}"
user="${OFFICEFLOW_BACKUP_DB_USER:-root}"

if [[ ! "$target" =~ ^[A-Za-z0-9_]+$ ]]; then
  echo "restore: the target database name may contain letters, digits and _ only: $target" >&2
  exit 2
fi
if [[ ! -f "$dump" ]]; then
  echo "restore: no such file: $dump" >&2
  exit 2
fi
client=""
for candidate in mariadb mysql; do
  if command -v "$candidate" >/dev/null 2>&1; then
    client="$candidate"
    break
  fi
done
if [[ -z "$client" ]]; then
  echo "restore: neither mariadb nor mysql client found (apt-get install mariadb-client)" >&2
  exit 2
fi
connection=()
if [[ -n "${OFFICEFLOW_BACKUP_DEFAULTS_FILE:-}" ]]; then
  connection+=("--defaults-extra-file=$OFFICEFLOW_BACKUP_DEFAULTS_FILE")
fi
connection+=(-h"$host" -P"$port" -u"$user")

if [[ -f "$dump.sha256" ]]; then
  (cd "$(dirname "$dump")" && sha256sum --check --status "$(basename "$dump").sha256") || {
    echo "restore: $dump does not match $dump.sha256 — damaged or altered, not restored" >&2
    exit 1
  }
fi

tables="$("$client" "${connection[@]}" -N -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$target'")"
if [[ "$tables" != "0" ]]; then
  echo "restore: database $target already has $tables tables; restore into a new database" >&2
  exit 1
fi
"$client" "${connection[@]}" -e "CREATE DATABASE IF NOT EXISTS \`$target\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"

# the dump names its database (CREATE DATABASE/USE `officeflow`): load it into the target instead
source_db="$(gzip -dc "$dump" | sed -n 's/^USE `\(.*\)`;$/\1/p' | head -n 1)"
if [[ -z "$source_db" ]]; then
  echo "restore: $dump is not a dump of ops/backup.sh (no USE line)" >&2
  exit 1
fi
echo "restore: $dump (database $source_db) → $target on $host:$port" >&2
gzip -dc "$dump" \
  | sed -e "s/^CREATE DATABASE \/\*!32312 IF NOT EXISTS\*\/ \`$source_db\`/CREATE DATABASE \/*!32312 IF NOT EXISTS*\/ \`$target\`/" \
        -e "s/^USE \`$source_db\`;\$/USE \`$target\`;/" \
  | "$client" "${connection[@]}" --default-character-set=utf8mb4 "$target"

count="$("$client" "${connection[@]}" -N -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$target'")"
echo "restore: $count tables in $target" >&2
