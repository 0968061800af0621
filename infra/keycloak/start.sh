#!/usr/bin/env bash
# Starts Keycloak (an OpenID Connect provider) on 127.0.0.1:8180 for development and CI, with
# the realm `jixiao` imported from realm-jixiao.json. Fetches org.keycloak:keycloak-quarkus-dist
# from Maven Central on first use, unzips it into .keycloak/, writes a PID file and waits until
# the realm's discovery document answers. Running it again finds it running.
#
# Dev mode (`start-dev`) with an in-memory database: every start imports the realm file afresh,
# so the file is the truth; changes made in the admin console last until stop.
set -euo pipefail
source "$(dirname "$0")/common.sh"
# a busy 2-core machine has taken over three minutes; an idle one about 40 s
WAIT_S="${JIXIAO_KEYCLOAK_WAIT_S:-300}"
log="$KEYCLOAK_STATE/logs/keycloak.log"

# waits until the realm answers; fails when the server exits or the wait runs out
wait_for_realm() {
  for _ in $(seq 1 "$WAIT_S"); do
    if ! keycloak_running; then
      say "keycloak exited; last lines of its log:" >&2
      tail -30 "$log" >&2 || true
      rm -f "$PID_FILE"
      exit 1
    fi
    if realm_ready; then
      say "ready: $KEYCLOAK_URL/realms/jixiao (admin console $KEYCLOAK_URL/admin/)"
      exit 0
    fi
    sleep 1
  done
  say "the realm did not answer within $WAIT_S s (pid $(cat "$PID_FILE") still starting; run again to wait more, or npm run keycloak:stop); see $log" >&2
  exit 1
}

if keycloak_running && realm_ready; then
  say "already running (pid $(cat "$PID_FILE")) at $KEYCLOAK_URL"
  exit 0
fi
if keycloak_running; then
  say "pid $(cat "$PID_FILE") is starting; waiting for the realm jixiao to answer"
  wait_for_realm
fi
if port_open "$KEYCLOAK_PORT"; then
  say "port $KEYCLOAK_PORT is taken by another process; stop it or set JIXIAO_KEYCLOAK_PORT" >&2
  exit 1
fi
if [[ ! -x "$KEYCLOAK_JAVA_HOME/bin/java" ]]; then
  say "no Java at $KEYCLOAK_JAVA_HOME (Keycloak $KEYCLOAK_VERSION needs Java 21+); set JIXIAO_KEYCLOAK_JAVA_HOME" >&2
  exit 1
fi

if [[ ! -f "$KEYCLOAK_ZIP" ]]; then
  say "fetching org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip (~160 MB) into ~/.m2"
  mvn -q -B -Dstyle.color=never dependency:get -Dtransitive=false \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip"
fi
if [[ ! -x "$KEYCLOAK_HOME/bin/kc.sh" ]]; then
  say "unzipping into $KEYCLOAK_STATE"
  mkdir -p "$KEYCLOAK_STATE"
  rm -rf "$KEYCLOAK_HOME.partial"
  unzip -q "$KEYCLOAK_ZIP" -d "$KEYCLOAK_STATE/unzip.partial"
  mv "$KEYCLOAK_STATE/unzip.partial/keycloak-$KEYCLOAK_VERSION" "$KEYCLOAK_HOME"
  rm -rf "$KEYCLOAK_STATE/unzip.partial"
fi

# --import-realm reads data/import; the realm file is copied there at every start
mkdir -p "$KEYCLOAK_HOME/data/import" "$KEYCLOAK_STATE/logs"
rm -f "$KEYCLOAK_HOME/data/import/"*.json
cp "$REALM_FILE" "$KEYCLOAK_HOME/data/import/"

# setsid: the server outlives this script and is not stopped by the caller's Ctrl-C.
# --hostname fixes the issuer (`iss`) to one URL, whichever name a client used to reach it.
JAVA_HOME="$KEYCLOAK_JAVA_HOME" \
  JAVA_OPTS_KC_HEAP="${JIXIAO_KEYCLOAK_HEAP:--Xms64m -Xmx512m}" \
  KC_BOOTSTRAP_ADMIN_USERNAME="${JIXIAO_KEYCLOAK_ADMIN:-admin}" \
  KC_BOOTSTRAP_ADMIN_PASSWORD="${JIXIAO_KEYCLOAK_ADMIN_PASSWORD:-admin}" \
  setsid "$KEYCLOAK_HOME/bin/kc.sh" start-dev --import-realm --db dev-mem \
  --http-host 127.0.0.1 --http-port "$KEYCLOAK_PORT" --hostname "$KEYCLOAK_URL" \
  --health-enabled true >"$log" 2>&1 </dev/null &
echo $! >"$PID_FILE"
say "started pid $! (log: $log); waiting for the realm jixiao to answer"
wait_for_realm
