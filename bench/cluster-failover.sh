#!/usr/bin/env bash
# cluster-failover.sh — two OfficeFlow nodes on one MariaDB under load, with faults; nothing may be lost.
#
# What it does (everything on 127.0.0.1 only):
#   1. builds the application jar and the test classes unless they are there (mvn -o), and the test classpath;
#   2. creates a MariaDB instance of its own (datadir under $WORK, port $DB_PORT, own socket; utf8mb4_bin,
#      READ-COMMITTED, max_allowed_packet=256M) and an SMTP sink (cn.officeflow.bench.SmtpSink, port
#      $SMTP_PORT) that records the X-OfficeFlow-Notification header of every e-mail it accepts;
#   3. per scenario: a fresh database, node 1 then node 2 (profile mysql, demo organisation, job executor on
#      both, their own working directories, one unit keystore made by keytool for the run, management port
#      node port + 100, job lock time $LOCK_MS, the job log's successes written — production leaves them out,
#      and the checks read from them which node ran which job), mixed 发文/收文/督办 load from $CLIENTS
#      clients spread over both nodes (cn.officeflow.bench.ClusterLoad: at-most-once clients that re-read the
#      state after an error before they retry, and move to the other node on a connection error), a fault
#      after $LOAD_BEFORE s, load for $LOAD_AFTER s after recovery, then stop, settle and check
#      (cn.officeflow.bench.ClusterChecks: PASS/FAIL per check);
#        node-kill   SIGKILL node 1, restart it $DOWN s later (the load goes on on node 2);
#        db-restart  stop MariaDB cleanly (mysqladmin shutdown), start it again $DOWN s later; the nodes are
#                    NOT restarted;
#        db-kill     SIGKILL MariaDB, start it again $DOWN s later (crash recovery); nodes not restarted;
#   4. prints the figures (load, faults with times, client errors and retries, recovery time, checks) and
#      exits non-zero if any check failed in any scenario. Everything it started is stopped at the end.
#
# Usage:  bench/cluster-failover.sh [scenario ...]        (default: node-kill db-restart db-kill)
# Settings (environment): CLUSTER_WORK (default /tmp/officeflow-cluster, wiped), CLUSTER_DB_PORT (3307),
#   CLUSTER_NODE_PORTS ("8094 8095"), CLUSTER_SMTP_PORT (8096), CLUSTER_CLIENTS (6), CLUSTER_LOAD_BEFORE (40),
#   CLUSTER_DOWN (20), CLUSTER_LOAD_AFTER (45), CLUSTER_JOB_LOCK_MS (90000) with CLUSTER_DOCGEN_TIMEOUT (60 s:
#   the lock must outlast the longest job, the LibreOffice conversion — with a 30 s lock and the default 180 s
#   timeout, conversions slower than 30 s were picked again by the other node and never finished),
#   CLUSTER_SETTLE (600 s at most),
#   CLUSTER_HEAP (-Xmx640m per node), CLUSTER_KEEP=1 keeps $WORK (logs, data) after the run.
# Needs: java 17, mvn (offline repository filled), mariadbd + mariadb-install-db + mariadb client, curl.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${CLUSTER_WORK:-/tmp/officeflow-cluster}
DB_PORT=${CLUSTER_DB_PORT:-3307}
read -r -a NODE_PORTS <<<"${CLUSTER_NODE_PORTS:-8094 8095}"
SMTP_PORT=${CLUSTER_SMTP_PORT:-8096}
CLIENTS=${CLUSTER_CLIENTS:-6}
LOAD_BEFORE=${CLUSTER_LOAD_BEFORE:-40}
DOWN=${CLUSTER_DOWN:-20}
LOAD_AFTER=${CLUSTER_LOAD_AFTER:-45}
LOCK_MS=${CLUSTER_JOB_LOCK_MS:-90000}
DOCGEN_TIMEOUT=${CLUSTER_DOCGEN_TIMEOUT:-60}
SETTLE=${CLUSTER_SETTLE:-600}
HEAP=${CLUSTER_HEAP:--Xmx640m}
SCENARIOS=("$@")
[ ${#SCENARIOS[@]} -eq 0 ] && SCENARIOS=(node-kill db-restart db-kill)
DB_NAME=officeflow_cluster
DB_URL="jdbc:mysql://127.0.0.1:${DB_PORT}/${DB_NAME}"
ADMIN_PASSWORD='Cluster#Test2026'
# one unit keystore for both nodes (the mysql profile signs only with a configured one), made for the run
KEYSTORE_PASSWORD='Cluster#Keystore2026'
DB_DIR="$WORK/mariadb"
SOCKET="$DB_DIR/mariadb.sock"
MYSQL=(mariadb --no-defaults -uroot -h127.0.0.1 -P"$DB_PORT" --protocol=TCP)

declare -A NODE_PID
DB_PID=""
SINK_PID=""
LOAD_PID=""
FAILED=0
SUMMARY=""

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

cleanup() {
  [ -n "$LOAD_PID" ] && kill "$LOAD_PID" 2>/dev/null
  for port in "${!NODE_PID[@]}"; do stop_node "$port"; done
  [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null
  stop_db
  if [ "${CLUSTER_KEEP:-0}" != 1 ]; then rm -rf "$WORK/mariadb" "$WORK/app" "$WORK"/node-*/data; fi
}
trap cleanup EXIT

# --- build

prepare() {
  cd "$ROOT" || exit 2
  if ! ls target/officeflow-*.jar >/dev/null 2>&1 || [ -n "$(find src/main bpmn forms -newer "$(ls target/officeflow-*.jar | head -1)" -type f | head -1)" ]; then
    log "building the application jar"
    mvn -B -q -o -DskipTests -Djacoco.skip=true package || exit 2
  fi
  if [ ! -f target/test-classes/cn/officeflow/bench/ClusterLoad.class ] || [ ! -f target/cluster-test.classpath ] ||
    [ -n "$(find src/test/java/cn/officeflow/bench -newer target/test-classes/cn/officeflow/bench/ClusterLoad.class -type f | head -1)" ]; then
    log "compiling the load driver and writing the test classpath"
    mvn -B -q -o -Djacoco.skip=true test-compile dependency:build-classpath \
      -Dmdep.outputFile=target/cluster-test.classpath -Dmdep.includeScope=test || exit 2
  fi
  # copies of the jar and the classes: a build in the worktree during the run does not pull them away
  mkdir -p "$WORK"
  rm -rf "$WORK/app" && mkdir -p "$WORK/app"
  cp "$(ls "$ROOT"/target/officeflow-*.jar | grep -v plain | head -1)" "$WORK/app/officeflow.jar"
  cp -r "$ROOT/target/classes" "$ROOT/target/test-classes" "$WORK/app/"
  JAR="$WORK/app/officeflow.jar"
  CP="$WORK/app/test-classes:$WORK/app/classes:$(cat "$ROOT/target/cluster-test.classpath")"
}

# --- MariaDB of our own

start_db() {
  /usr/sbin/mariadbd --no-defaults --user=root --datadir="$DB_DIR/data" --port="$DB_PORT" \
    --bind-address=127.0.0.1 --socket="$SOCKET" --pid-file="$DB_DIR/mariadb.pid" \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_bin --transaction-isolation=READ-COMMITTED \
    --max-allowed-packet=256M --innodb-buffer-pool-size=256M --skip-name-resolve \
    --log-error="$DB_DIR/error.log" >/dev/null 2>&1 &
  DB_PID=$!
  for _ in $(seq 1 120); do
    "${MYSQL[@]}" -e 'select 1' >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  log "MariaDB did not start (see $DB_DIR/error.log)"
  exit 2
}

stop_db() {
  [ -z "$DB_PID" ] && return 0
  mariadb-admin --no-defaults -uroot -h127.0.0.1 -P"$DB_PORT" --protocol=TCP shutdown >/dev/null 2>&1 ||
    kill "$DB_PID" 2>/dev/null
  wait "$DB_PID" 2>/dev/null
  DB_PID=""
}

init_db() {
  rm -rf "$DB_DIR" && mkdir -p "$DB_DIR"
  mariadb-install-db --no-defaults --user=root --datadir="$DB_DIR/data" \
    --auth-root-authentication-method=normal --skip-test-db >"$DB_DIR/install.log" 2>&1 || {
    log "mariadb-install-db failed (see $DB_DIR/install.log)"
    exit 2
  }
  start_db
}

fresh_database() {
  "${MYSQL[@]}" -e "drop database if exists $DB_NAME; create database $DB_NAME character set utf8mb4 collate utf8mb4_bin"
}

sql() { "${MYSQL[@]}" -N -B "$DB_NAME" -e "$1"; }

# --- nodes

start_node() {
  local port=$1 dir="$WORK/node-$1"
  mkdir -p "$dir"
  (
    cd "$dir" || exit 1
    exec env SPRING_PROFILES_ACTIVE=mysql OFFICEFLOW_DB_URL="$DB_URL" OFFICEFLOW_DB_USER=root OFFICEFLOW_DB_PASSWORD= \
      OFFICEFLOW_ADMIN_PASSWORD="$ADMIN_PASSWORD" OFFICEFLOW_DEMO_ENABLED=true PORT="$port" \
      OFFICEFLOW_MAIL_HOST=127.0.0.1 OFFICEFLOW_MAIL_PORT="$SMTP_PORT" \
      OFFICEFLOW_SIGNING_KEYSTORE="$WORK/unit.p12" OFFICEFLOW_SIGNING_KEYSTORE_PASSWORD="$KEYSTORE_PASSWORD" \
      OFFICEFLOW_SIGNING_KEY_ALIAS=unit OFFICEFLOW_MANAGEMENT_PORT=$((port + 100)) \
      java "$HEAP" -XX:+ExitOnOutOfMemoryError -Dfile.encoding=UTF-8 -jar "$JAR" \
      --server.address=127.0.0.1 \
      --camunda.bpm.job-execution.lock-time-in-millis="$LOCK_MS" \
      --officeflow.docgen.timeout-seconds="$DOCGEN_TIMEOUT" \
      --camunda.bpm.generic-properties.properties.hostname="node-$port" \
      --officeflow.history.job-log-success=true \
      --logging.level.root=WARN --logging.level.cn.officeflow=WARN
  ) >>"$dir/node.log" 2>&1 &
  NODE_PID[$port]=$!
}

stop_node() {
  local pid=${NODE_PID[$1]:-}
  [ -z "$pid" ] && return 0
  kill "$pid" 2>/dev/null
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  unset "NODE_PID[$1]"
}

# a node serves when an authenticated call that reads the database answers 200
serves() {
  curl -fsS -o /dev/null --max-time 5 -u zhangwei:Office@2026 \
    "http://127.0.0.1:$1/api/calendar/working-day?date=2026-12-04" 2>/dev/null
}

await_node() {
  local port=$1 limit=${2:-400}
  for _ in $(seq 1 $((limit * 2))); do
    serves "$port" && return 0
    kill -0 "${NODE_PID[$port]}" 2>/dev/null || { log "node $port died (see $WORK/node-$port/node.log)"; return 1; }
    sleep 0.5
  done
  log "node $port not serving after ${limit}s"
  return 1
}

# seconds until every node serves again
await_all() {
  local t0=$1
  for port in "${NODE_PORTS[@]}"; do await_node "$port" 300 || return 1; done
  since "$t0"
}

# --- one scenario

scenario() {
  local name=$1 out="$WORK/$1" nodes="" t0 tf tr recovery fault_text
  rm -rf "$out" && mkdir -p "$out"
  for port in "${NODE_PORTS[@]}"; do nodes+="${nodes:+,}http://127.0.0.1:$port"; done
  log "[$name] fresh database, starting node ${NODE_PORTS[0]}"
  fresh_database
  start_node "${NODE_PORTS[0]}"
  t0=$(now)
  await_node "${NODE_PORTS[0]}" || return 1
  log "[$name] node ${NODE_PORTS[0]} up in $(since "$t0") s (schema, deployment); starting node ${NODE_PORTS[1]}"
  start_node "${NODE_PORTS[1]}"
  await_node "${NODE_PORTS[1]}" || return 1

  log "[$name] load: $CLIENTS clients"
  java -Xmx256m -cp "$CP" cn.officeflow.bench.ClusterLoad "$out" "$CLIENTS" "$nodes" >"$out/load.log" 2>&1 &
  LOAD_PID=$!
  local load_start
  load_start=$(now)
  sleep "$LOAD_BEFORE"

  tf=$(now)
  sql "select ID_, LOCK_OWNER_, LOCK_EXP_TIME_ from ACT_RU_JOB where LOCK_OWNER_ is not null" >"$out/locked-at-fault.tsv" 2>/dev/null
  case "$name" in
    node-kill)
      kill -9 "${NODE_PID[${NODE_PORTS[0]}]}"
      wait "${NODE_PID[${NODE_PORTS[0]}]}" 2>/dev/null
      unset "NODE_PID[${NODE_PORTS[0]}]"
      fault_text="SIGKILL node ${NODE_PORTS[0]} at +$(since "$load_start" | cut -d. -f1)s"
      # the jobs the dead node holds (its lock owner is node-<port>/…, see JobExecutorNode): they wait for
      # their locks to expire; the checks verify each ran later
      sql "select ID_, date_format(LOCK_EXP_TIME_, '%Y-%m-%d %H:%i:%s.%f') from ACT_RU_JOB
           where LOCK_OWNER_ like 'node-${NODE_PORTS[0]}/%'" >"$out/orphaned-jobs.tsv"
      fault_text+=", holding $(wc -l <"$out/orphaned-jobs.tsv") locked jobs"
      log "[$name] $fault_text"
      sleep "$DOWN"
      tr=$(now)
      log "[$name] restarting node ${NODE_PORTS[0]}"
      start_node "${NODE_PORTS[0]}"
      ;;
    db-restart | db-kill)
      if [ "$name" = db-kill ]; then
        kill -9 "$DB_PID"
        fault_text="SIGKILL MariaDB at +$(since "$load_start" | cut -d. -f1)s"
      else
        mariadb-admin --no-defaults -uroot -h127.0.0.1 -P"$DB_PORT" --protocol=TCP shutdown >/dev/null 2>&1
        fault_text="MariaDB shut down cleanly at +$(since "$load_start" | cut -d. -f1)s"
      fi
      wait "$DB_PID" 2>/dev/null
      DB_PID=""
      log "[$name] $fault_text"
      sleep "$DOWN"
      tr=$(now)
      log "[$name] starting MariaDB again"
      start_db
      fault_text+=", started again after $(awk -v a="$tf" -v b="$tr" 'BEGIN{printf "%.0f", b-a}') s (database back in $(since "$tr") s)"
      ;;
  esac
  recovery=$(await_all "$tr") || recovery="never"
  log "[$name] both nodes serve again $recovery s after the restart"
  sleep "$LOAD_AFTER"
  log "[$name] stopping the load"
  touch "$out/stop"
  wait "$LOAD_PID"
  LOAD_PID=""
  log "[$name] settling and checking"
  java -Xmx256m -cp "$CP" cn.officeflow.bench.ClusterChecks "$DB_URL" "$out" "$WORK/sink.tsv" "$nodes" "$SETTLE" \
    >"$out/checks.log" 2>&1
  local rc=$?
  [ $rc -ne 0 ] && FAILED=1
  # the node logs: errors the nodes wrote during the scenario
  local node_errors=""
  for port in "${NODE_PORTS[@]}"; do
    node_errors+=" $port: $(cat "$WORK"/node-"$port"/node.log* 2>/dev/null | grep -c ' ERROR ') ERROR lines;"
  done
  {
    echo "== scenario $name =="
    printf '%-22s %s\n' "fault" "$fault_text"
    printf '%-22s %s\n' "jobs locked at fault" "$(wc -l <"$out/locked-at-fault.tsv") (both nodes)"
    printf '%-22s %s\n' "recovery" "both nodes serve again $recovery s after the restart"
    cat "$out/load.txt" 2>/dev/null || tail -20 "$out/load.log"
    printf '%-22s %s\n' "node logs" "$node_errors"
    cat "$out/checks.txt" 2>/dev/null || tail -20 "$out/checks.log"
    echo
  } >"$out/summary.txt"
  SUMMARY+=$(cat "$out/summary.txt")$'\n\n'
  for port in "${NODE_PORTS[@]}"; do
    stop_node "$port"
    mv "$WORK/node-$port/node.log" "$out/node-$port.log" 2>/dev/null
  done
}

# --- main

rm -rf "$WORK" && mkdir -p "$WORK"
prepare
log "work directory $WORK; MariaDB on 127.0.0.1:$DB_PORT; nodes ${NODE_PORTS[*]}; SMTP sink $SMTP_PORT"
init_db
keytool -genkeypair -storetype PKCS12 -keystore "$WORK/unit.p12" -storepass "$KEYSTORE_PASSWORD" -alias unit \
  -keyalg RSA -keysize 2048 -validity 30 -dname "CN=示范市行政办公室（故障测试）, C=CN" >"$WORK/keytool.log" 2>&1
java -Xmx64m -cp "$CP" cn.officeflow.bench.SmtpSink "$SMTP_PORT" "$WORK/sink.tsv" >"$WORK/sink.log" 2>&1 &
SINK_PID=$!
for s in "${SCENARIOS[@]}"; do
  case "$s" in
    node-kill | db-restart | db-kill) scenario "$s" || { FAILED=1; SUMMARY+="== scenario $s: could not run (see $WORK/$s) =="$'\n'; } ;;
    *) log "unknown scenario $s"; FAILED=1 ;;
  esac
  # each scenario has a database of its own: the next one starts with an empty sink record
  cat "$WORK/sink.tsv" >>"$WORK/sink-all.tsv" && : >"$WORK/sink.tsv"
done
echo
echo "OfficeFlow two nodes, one MariaDB, faults under load — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), job lock ${LOCK_MS} ms, LibreOffice timeout ${DOCGEN_TIMEOUT} s, $CLIENTS clients"
echo
printf '%s' "$SUMMARY"
[ $FAILED -eq 0 ] && echo "ALL CHECKS PASSED" || echo "SOME CHECKS FAILED"
exit $FAILED
