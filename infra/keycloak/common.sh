# Shared by start.sh and stop.sh: versions, folders and small helpers.
KEYCLOAK_VERSION="${JIXIAO_KEYCLOAK_VERSION:-26.4.0}"
KEYCLOAK_SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$KEYCLOAK_SCRIPTS/../.." && pwd)"
# the distribution's zip is cached by Maven in ~/.m2, shared by every worktree
KEYCLOAK_ZIP="$HOME/.m2/repository/org/keycloak/keycloak-quarkus-dist/$KEYCLOAK_VERSION/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
# the unzipped server, its logs and PID file per checkout; git-ignored
KEYCLOAK_STATE="${JIXIAO_KEYCLOAK_STATE:-$REPO_DIR/.keycloak}"
KEYCLOAK_HOME="$KEYCLOAK_STATE/keycloak-$KEYCLOAK_VERSION"
KEYCLOAK_PORT="${JIXIAO_KEYCLOAK_PORT:-8180}"
# Keycloak 26 needs Java 21 or later; the machine's default java is 17
KEYCLOAK_JAVA_HOME="${JIXIAO_KEYCLOAK_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
KEYCLOAK_URL="http://127.0.0.1:$KEYCLOAK_PORT"
REALM_FILE="$KEYCLOAK_SCRIPTS/realm-jixiao.json"
DISCOVERY_URL="$KEYCLOAK_URL/realms/jixiao/.well-known/openid-configuration"
PID_FILE="$KEYCLOAK_STATE/keycloak.pid"

say() { printf 'keycloak: %s\n' "$*"; }

# true when the PID file names a live process
keycloak_running() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid=$(cat "$PID_FILE")
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# the jixiao realm's discovery document answers
realm_ready() { curl -sf -o /dev/null --max-time 5 "$DISCOVERY_URL"; }
