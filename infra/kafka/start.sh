#!/usr/bin/env bash
# Starts a single-node Kafka (KRaft broker + controller) on 127.0.0.1:9092 for development
# and CI. Fetches org.apache.kafka:kafka_2.13 and its runtime dependencies from Maven
# Central on first use, formats the storage folder once, writes a PID file and waits
# until the broker answers a metadata request. Running it again finds the broker running.
set -euo pipefail
source "$(dirname "$0")/common.sh"

if kafka_running && metadata_ok; then
  say "already running (pid $(cat "$PID_FILE")) on 127.0.0.1:$KAFKA_PORT"
  exit 0
fi
if ! kafka_running && port_open "$KAFKA_PORT"; then
  say "port $KAFKA_PORT is taken by another process; stop it or set JIXIAO_KAFKA_PORT" >&2
  exit 1
fi

if [[ ! -f "$KAFKA_LIBS/kafka_2.13-$KAFKA_VERSION.jar" ]]; then
  say "fetching kafka_2.13 $KAFKA_VERSION and its dependencies into $KAFKA_LIBS"
  mkdir -p "$KAFKA_LIBS"
  mvn -q -B -Dstyle.color=never -f "$KAFKA_HOME_DIR/pom.xml" -Dkafka.version="$KAFKA_VERSION" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$KAFKA_LIBS"
fi

mkdir -p "$KAFKA_STATE/data" "$KAFKA_STATE/logs"
props="$KAFKA_STATE/server.properties"
cat >"$props" <<PROPS
process.roles=broker,controller
node.id=1
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
log.dirs=$KAFKA_STATE/data
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
# lets tests use short consumer sessions, so a killed worker's partitions move within seconds
group.min.session.timeout.ms=1000
PROPS

java_opts=(-Xmx512m -Xms256m -XX:+UseG1GC -Djava.awt.headless=true
  "-Dkafka.logs.dir=$KAFKA_STATE/logs" "-Dlog4j2.configurationFile=$KAFKA_HOME_DIR/log4j2.properties")

if [[ ! -f "$KAFKA_STATE/data/meta.properties" ]]; then
  cluster_id=$(java -cp "$KAFKA_LIBS/*" "${java_opts[@]}" kafka.tools.StorageTool random-uuid)
  say "formatting $KAFKA_STATE/data (cluster id $cluster_id)"
  java -cp "$KAFKA_LIBS/*" "${java_opts[@]}" kafka.tools.StorageTool format --standalone \
    -t "$cluster_id" -c "$props" >"$KAFKA_STATE/logs/format.log" 2>&1 ||
    { cat "$KAFKA_STATE/logs/format.log" >&2; exit 1; }
fi

# setsid: the broker outlives this script and is not stopped by the caller's Ctrl-C
setsid java -cp "$KAFKA_LIBS/*" "${java_opts[@]}" kafka.Kafka "$props" \
  >"$KAFKA_STATE/logs/stdout.log" 2>&1 </dev/null &
echo $! >"$PID_FILE"
say "started pid $! (logs: $KAFKA_STATE/logs); waiting for it to answer"

for _ in $(seq 1 90); do
  if ! kafka_running; then
    say "the broker exited; last lines of its log:" >&2
    tail -20 "$KAFKA_STATE/logs/stdout.log" "$KAFKA_STATE/logs/server.log" >&2 || true
    rm -f "$PID_FILE"
    exit 1
  fi
  if port_open "$KAFKA_PORT" && metadata_ok; then
    say "ready on 127.0.0.1:$KAFKA_PORT"
    exit 0
  fi
  sleep 1
done
say "no metadata answer within 90 s; see $KAFKA_STATE/logs" >&2
exit 1
