#!/usr/bin/env bash
# Checks docker/compose.yaml, docker/nginx.conf and docker/Dockerfile with the tools this machine has; a
# missing tool is reported and its check skipped (exit 0), a failed check exits 1. CI runs it (.ci/run).
#   1. compose.yaml: YAML parse (python3 + PyYAML) and the deployment rules below; validation against the
#      Compose Specification's JSON schema (ops/compose-spec.json, copied unchanged from
#      github.com/compose-spec/compose-spec schema/compose-spec.json at commit 170098b, Apache-2.0) when
#      python3 has jsonschema; `docker compose config` when the compose plugin is installed;
#   2. nginx.conf: `nginx -t` on a copy whose upstream names (app1, app2) point at 127.0.0.1 and whose logs go
#      to a temporary directory (nginx resolves upstreams at start);
#   3. Dockerfile: hadolint when installed.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

failed=0
skip() { echo "check-deploy: SKIPPED $*"; }
ok() { echo "check-deploy: ok $*"; }
fail() { echo "check-deploy: FAILED $*" >&2; failed=1; }

# --- 1. compose.yaml ---------------------------------------------------------------------------------
if command -v python3 >/dev/null 2>&1 && python3 -c 'import yaml' 2>/dev/null; then
  if python3 - docker/compose.yaml <<'PY'
import sys, yaml
doc = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
errors = []
services = doc.get("services", {})
for name in ("mysql", "app1", "app2", "proxy"):
    if name not in services:
        errors.append(f"service {name} missing")
for name in ("app1", "app2"):
    app = services.get(name, {})
    env = app.get("environment", {})
    if env.get("SPRING_PROFILES_ACTIVE") != "mysql":
        errors.append(f"{name}: SPRING_PROFILES_ACTIVE must be mysql")
    if str(env.get("OFFICEFLOW_MANAGEMENT_ADDRESS", "127.0.0.1")) != "127.0.0.1":
        errors.append(f"{name}: the management port must stay on loopback")
    if app.get("ports"):
        errors.append(f"{name}: application nodes publish no ports (only the proxy does)")
    check = " ".join(app.get("healthcheck", {}).get("test", []))
    if "/actuator/health/readiness" not in check:
        errors.append(f"{name}: healthcheck must use /actuator/health/readiness")
if services.get("app2", {}).get("depends_on", {}).get("app1", {}).get("condition") != "service_healthy":
    errors.append("app2 must wait for a healthy app1 (first start: one node creates the schema)")
proxy_ports = " ".join(str(p) for p in services.get("proxy", {}).get("ports", []))
if "8081" in proxy_ports:
    errors.append("proxy must not publish the management port")
command = " ".join(services.get("mysql", {}).get("command", []))
for flag in ("--character-set-server=utf8mb4", "--collation-server=utf8mb4_bin", "--transaction-isolation=READ-COMMITTED"):
    if flag not in command:
        errors.append(f"mysql: {flag} missing")
for e in errors:
    print("  " + e, file=sys.stderr)
sys.exit(1 if errors else 0)
PY
  then ok "docker/compose.yaml (YAML and deployment rules)"; else fail "docker/compose.yaml"; fi
else
  skip "docker/compose.yaml: python3 with PyYAML not found"
fi
if command -v python3 >/dev/null 2>&1 && python3 -c 'import yaml, jsonschema' 2>/dev/null; then
  if python3 - docker/compose.yaml ops/compose-spec.json <<'PY'
import json, sys, yaml, jsonschema
doc = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
schema = json.load(open(sys.argv[2], encoding="utf-8"))
errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(doc), key=lambda e: list(e.path))
for e in errors:
    print("  " + "/".join(str(p) for p in e.path) + ": " + e.message, file=sys.stderr)
sys.exit(1 if errors else 0)
PY
  then ok "docker/compose.yaml (Compose Specification schema)"; else fail "docker/compose.yaml (Compose Specification schema)"; fi
else
  skip "docker/compose.yaml schema: python3 with PyYAML and jsonschema not found (pip install jsonschema)"
fi
if docker compose version >/dev/null 2>&1; then
  if OFFICEFLOW_DB_USER=u OFFICEFLOW_DB_PASSWORD=p OFFICEFLOW_ADMIN_PASSWORD=p MYSQL_ROOT_PASSWORD=p \
    docker compose -f docker/compose.yaml config --quiet; then
    ok "docker compose config"
  else
    fail "docker compose config"
  fi
else
  skip "docker compose config: the compose plugin is not installed"
fi

# --- 2. nginx.conf -----------------------------------------------------------------------------------
nginx_bin="$(command -v nginx || true)"
[[ -z "$nginx_bin" && -x /usr/sbin/nginx ]] && nginx_bin=/usr/sbin/nginx
if [[ -n "$nginx_bin" ]]; then
  tmp="$(mktemp -d)"
  sed -e 's/server app1:8080/server 127.0.0.1:18080/; s/server app2:8080/server 127.0.0.1:18081/' \
      -e "s#/var/log/nginx/#$tmp/#g" docker/nginx.conf > "$tmp/nginx.conf"
  # mime types, as the nginx image ships them (default_type is enough for the check)
  if "$nginx_bin" -t -q -p "$tmp" -c "$tmp/nginx.conf" -g "pid $tmp/nginx.pid;" 2> "$tmp/out"; then
    ok "docker/nginx.conf (nginx -t)"
  else
    cat "$tmp/out" >&2
    fail "docker/nginx.conf (nginx -t)"
  fi
  if ! grep -q 'location \^~ /actuator' docker/nginx.conf; then
    fail "docker/nginx.conf must refuse /actuator"
  fi
  rm -rf "$tmp"
else
  skip "docker/nginx.conf: nginx not installed (apt-get install nginx-light)"
fi

# --- 3. Dockerfile -----------------------------------------------------------------------------------
if command -v hadolint >/dev/null 2>&1; then
  if hadolint docker/Dockerfile; then ok "docker/Dockerfile (hadolint)"; else fail "docker/Dockerfile (hadolint)"; fi
else
  skip "docker/Dockerfile: hadolint not installed"
fi

exit "$failed"
