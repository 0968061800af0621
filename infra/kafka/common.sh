# Shared by start.sh and stop.sh: versions, folders and small helpers.
KAFKA_VERSION="${JIXIAO_KAFKA_VERSION:-4.1.0}"
KAFKA_HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$KAFKA_HOME_DIR/../.." && pwd)"
# jars are cached per version outside the repo so every worktree shares one download
KAFKA_CACHE="${JIXIAO_KAFKA_CACHE:-$HOME/.cache/jixiao/kafka/$KAFKA_VERSION}"
KAFKA_LIBS="$KAFKA_CACHE/libs"
# broker state (storage folder, logs, PID file) per checkout; git-ignored
KAFKA_STATE="${JIXIAO_KAFKA_STATE:-$REPO_DIR/.kafka}"
KAFKA_PORT="${JIXIAO_KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${JIXIAO_KAFKA_CONTROLLER_PORT:-9093}"
PID_FILE="$KAFKA_STATE/kafka.pid"

say() { printf 'kafka: %s\n' "$*"; }

# true when the PID file names a live java process
kafka_running() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid=$(cat "$PID_FILE")
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# a metadata request through the Admin client (Health.java, run from source by java 17)
metadata_ok() {
  java -cp "$KAFKA_LIBS/*" "$KAFKA_HOME_DIR/Health.java" "127.0.0.1:$KAFKA_PORT" >/dev/null 2>&1
}
