#!/usr/bin/env bash
# The Spark engine on a real (loopback) cluster: builds target/fresnel-spark.jar, starts a Spark
# standalone master and one worker on 127.0.0.1 from that jar, submits a small Fig. 3 sweep to
# it, and checks that its CSV values equal the local engine's; also checks that the desktop jar
# answers --engine spark with exit 2. Stops both daemons on exit; every step is time-bounded.
# Run from the repository root after `mvn package`. See docs/spark.md.
set -euo pipefail

plain=target/fresnel.jar
jar=target/fresnel-spark.jar
port="${FRESNEL_SPARK_PORT:-7077}"
work="$(mktemp -d /tmp/fresnel-spark-ci.XXXXXX)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do
    kill "$p" 2>/dev/null || true
  done
  for p in "${pids[@]}"; do
    wait "$p" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

# Spark 4 on Java 17: the module flags Spark documents (also in the pom's spark profile).
opens=(-XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true)

sweep=(sweep --figure 3 --base src/test/resources/io/fresnel/sweep/small-base.scenario.json
  --schemes mrt,zf,rsma-digital --max-iterations 5 --points 1,2 --draws 2 --seed 11)

# 1. The desktop jar has no Spark engine and says which jar has it.
if [ -s "$plain" ]; then
  set +e
  timeout 60 java -jar "$plain" "${sweep[@]}" --engine spark --out "$work/plain" > /dev/null 2> "$work/plain.err"
  status=$?
  set -e
  if [ "$status" -ne 2 ] || ! grep -q "this build has no Spark engine; use fresnel-spark.jar" "$work/plain.err"; then
    echo "spark-cluster: $plain --engine spark: expected exit 2 naming fresnel-spark.jar, got $status" >&2
    cat "$work/plain.err" >&2
    exit 1
  fi
  jar tf "$plain" > "$work/plain.list"
  if grep -q "^org/apache/spark/" "$work/plain.list"; then
    echo "spark-cluster: $plain carries Spark classes" >&2
    exit 1
  fi
fi

# 2. The Spark jar (FRESNEL_SPARK_JAR_BUILT=1 reuses an existing one, when developing).
if [ "${FRESNEL_SPARK_JAR_BUILT:-0}" != 1 ]; then
  timeout 1800 mvn -B -q -Pspark package -DskipTests
fi
test -s "$jar"

# 3. A standalone master and one worker on loopback, from the same jar. The worker starts its
# executors from SPARK_HOME/jars, which holds only this jar.
mkdir -p "$work/home/jars" "$work/worker"
cp "$jar" "$work/home/jars/"
export SPARK_LOCAL_IP=127.0.0.1 SPARK_SCALA_VERSION=2.13 SPARK_HOME="$work/home"
java "${opens[@]}" -Xmx512m -cp "$jar" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" \
  --webui-port 0 > "$work/master.log" 2>&1 &
pids+=($!)
java "${opens[@]}" -Xmx512m -cp "$jar" org.apache.spark.deploy.worker.Worker "spark://127.0.0.1:$port" \
  --host 127.0.0.1 --webui-port 0 --cores 2 --memory 2g --work-dir "$work/worker" > "$work/worker.log" 2>&1 &
pids+=($!)
registered=no
for _ in $(seq 1 120); do
  if grep -q "Successfully registered with master" "$work/worker.log"; then
    registered=yes
    break
  fi
  sleep 1
done
if [ "$registered" != yes ]; then
  echo "spark-cluster: the worker did not register with the master within 120 s" >&2
  tail -20 "$work/master.log" "$work/worker.log" >&2
  exit 1
fi

# 4. The same sweep on the local engine and on the cluster.
t0=$(date +%s.%N)
timeout 600 java -jar "$jar" "${sweep[@]}" --engine local --out "$work/local" > /dev/null 2> "$work/local.err" || {
  cat "$work/local.err" >&2; exit 1; }
t1=$(date +%s.%N)
timeout 900 java "${opens[@]}" -jar "$jar" "${sweep[@]}" --engine spark --master "spark://127.0.0.1:$port" \
  --out "$work/cluster" > /dev/null 2> "$work/cluster.err" || {
  echo "spark-cluster: the cluster sweep failed" >&2
  tail -40 "$work/cluster.err" >&2
  tail -20 "$work/worker.log" >&2
  exit 1; }
t2=$(date +%s.%N)
grep -q "the spark engine (master spark://127.0.0.1:$port)" "$work/cluster.err"

# Values equal: the summary without mean_seconds, the audit CSV without seconds, the nodes as they are.
values() {
  awk -F, 'BEGIN { OFS = "," } { NF = NF - 1; print }' "$1/fig3.csv"
  awk -F, 'BEGIN { OFS = "," } { $11 = ""; print }' "$1/fig3-draws.csv"
  cat "$1/fig3-nodes.csv"
}
if ! diff <(values "$work/local") <(values "$work/cluster") > "$work/diff.txt"; then
  echo "spark-cluster: the cluster's CSV values differ from the local engine's:" >&2
  head -20 "$work/diff.txt" >&2
  exit 1
fi
test -s "$work/cluster/fig3.png"
test "$(ls "$work/cluster/fig3-runs" | grep -c '^run-')" -eq 12
awk -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN { printf "spark-cluster: 12 runs: local engine %.1f s, standalone cluster %.1f s (JVM start included); values equal\n", b - a, c - b }'
