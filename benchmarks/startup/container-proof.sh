#!/bin/bash
# benchmarks/startup/container-proof.sh — build the action image and run it as the GitHub runner runs a
# container action, against the dev server (demo seed) on 127.0.0.1; check what it exports.
#
# Uses container-sim (podman + local stand-ins of the base images): CSIM=<its folder>
# (default ../shared/tools/container-sim next to the repository). Run its setup.sh once first.
#   COLD=1   build with --no-cache (cold build time; default: use the layer cache)
#   TAG=...  image tag (default infisical-action:proof)
#   RUNS=N   run the env-export main step N times and report the median run time (default 1)
# Steps: 1 build (+ image size raw and gzip)  2 main step, export-type env
#        3 main step, export-type file + post step (clean)  4 invalid input fails closed
#        5 JAVA_TOOL_OPTIONS / JDK_JAVA_OPTIONS / _JAVA_OPTIONS of an earlier step do not reach the JVM
#        6 TLS: HTTPS to a local server whose certificate a throw-away CA signed (ca-certificate input),
#          and the same without the CA fails closed
# Base images: the Dockerfile pins them by digest; container-sim's stand-ins carry the tags only, so the
# build uses a copy of the Dockerfile with the `@sha256:...` of each FROM line removed (KEEP_DIGESTS=1
# builds the file as it is, for an engine that can pull the real images).
# Needs: python3 with PyYAML (action.yml defaults, file-command parsing), java 17+,
# openssl (step 6), the dev-server jar (built here with -Dbuild.suffix=-proof when missing).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CSIM=${CSIM:-$(cd "$ROOT/.." && pwd)/shared/tools/container-sim}
TAG=${TAG:-infisical-action:proof}
RF="python3 $HERE/runner_files.py"
WORK=$(mktemp -d /tmp/container-proof.XXXXXX)
export RUNNER_TEMP_DIR="$WORK/runner-temp"
FC="$RUNNER_TEMP_DIR/_runner_file_commands"
pass=0; failed=0
ok()   { echo "PASS: $*"; pass=$((pass + 1)); }
bad()  { echo "FAIL: $*"; failed=$((failed + 1)); }
step() { echo; echo "=== $*"; }
now()  { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", b-a}'; }

[ -x "$CSIM/build.sh" ] || { echo "container-sim not found at $CSIM (set CSIM=...)"; exit 2; }
python3 -c 'import yaml' 2>/dev/null || { echo "python3 with PyYAML is needed"; exit 2; }

step "1. build (context: repository root, as the runner does)"
build_args=()
[ "${COLD:-0}" = 1 ] && build_args+=(--no-cache)
DOCKERFILE="$ROOT/Dockerfile"
if [ "${KEEP_DIGESTS:-0}" != 1 ]; then
  DOCKERFILE="$WORK/Dockerfile.tags"
  sed -E '/^FROM[[:space:]]/ s/@sha256:[0-9a-f]{64}//' "$ROOT/Dockerfile" > "$DOCKERFILE"
  echo "base images by tag (container-sim stand-ins): $(grep -oE '^FROM( --platform=[^ ]+)? [^ ]+:[^ ]+' "$DOCKERFILE" | awk '{print $NF}' | sort -u | tr '\n' ' ')"
fi
"$CSIM/build.sh" "$ROOT" "$DOCKERFILE" "$TAG" "${build_args[@]}" 2>&1 | tee "$WORK/build.log" | grep -E '^\[container-sim\]|^STEP|rror' || true
summary_build=$(grep -o 'built .* bytes)' "$WORK/build.log" | tail -1)
[ -n "$summary_build" ] && ok "image $summary_build" || { bad "image build failed (log: $WORK/build.log)"; exit 1; }

. "$CSIM/lib.sh"; write_conf
size_raw=$(podman image inspect --format '{{.Size}}' "$TAG")
size_gz=$(podman save "$TAG" 2>/dev/null | gzip -c | wc -c)
summary_size=$(awk -v r="$size_raw" -v g="$size_gz" 'BEGIN{printf "%.1f MB uncompressed (%d bytes), %.1f MB as podman save | gzip (%d bytes)", r/1e6, r, g/1e6, g}')
echo "image size: $summary_size"

# run-action.sh starts the image's ENTRYPOINT; the runner starts action.yml's entrypoint + args: same?
main_cmd=$($RF main-command "$ROOT/action.yml")
image_cmd=$(podman image inspect --format '{{json .Config.Entrypoint}}' "$TAG" | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)))')
if [ "$main_cmd" = "[]" ] || [ "$main_cmd" = "$image_cmd" ]; then ok "action.yml main command = image ENTRYPOINT $image_cmd"
else bad "action.yml runs $main_cmd but the image ENTRYPOINT is $image_cmd"; fi

step "dev server (demo seed) on 127.0.0.1"
DEV_JAR=$(ls -t "$ROOT"/dev-server/target*/infisical-dev-server.jar 2>/dev/null | head -1 || true)
if [ -z "$DEV_JAR" ]; then
  (cd "$ROOT" && mvn -B -ntp -q -Dbuild.suffix=-proof -pl dev-server -am package -DskipTests)
  DEV_JAR="$ROOT/dev-server/target-proof/infisical-dev-server.jar"
fi
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java -jar "$DEV_JAR" --seed "$ROOT/dev-server/demo-seed.json" --host 127.0.0.1 --port "$PORT" > "$WORK/dev-server.log" 2>&1 &
DEV_PID=$!
trap 'kill $DEV_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/api/status" && break; sleep 0.2; done
curl -fsS -o /dev/null "http://127.0.0.1:$PORT/api/status" || { cat "$WORK/dev-server.log"; exit 1; }
echo "dev server: http://127.0.0.1:$PORT (pid $DEV_PID)"

# run_main <label> NAME=VALUE... : the main step, inputs = action.yml defaults + the given ones; the
# job's other variables (not inputs) come from EXTRA_ENV
EXTRA_ENV=()
run_main() {
  local label=$1; shift
  local -a envs
  mapfile -d '' envs < <($RF inputs "$ROOT/action.yml" "$@")
  envs+=(GITHUB_REF_NAME=main GITHUB_REPOSITORY=demo/proof GITHUB_EVENT_NAME=push "${EXTRA_ENV[@]}")
  local s e rc
  s=$(now)
  set +e
  "$CSIM/run-action.sh" "$TAG" "$WORK/workspace" -- "${envs[@]}" > "$WORK/$label.out" 2> "$WORK/$label.err"
  rc=$?
  set -e
  e=$(now)
  RUN_RC=$rc
  # stdout = the container's output, then run-action.sh's dump of the file commands ("--- set_env:" ...)
  sed '/^--- \(set_env\|set_output\|add_path\|save_state\|step_summary\):$/,$d' "$WORK/$label.out" > "$WORK/$label.log"
  grep -v '^\[container-sim\]' "$WORK/$label.err" >> "$WORK/$label.log" || true
  RUN_SECS=$(secs "$s" "$e")
  RUN_PODMAN=$(grep -o 'after [0-9.]*s' "$WORK/$label.err" | tail -1 | tr -dc '0-9.')
  echo "$label: exit $rc, podman run ${RUN_PODMAN}s (script wall ${RUN_SECS}s); log: $WORK/$label.out"
}
file_of() { ls "$FC"/"$1"_* 2>/dev/null | head -1; }

COMMON=(method=universal client-id=demo-client-id client-secret=demo-client-secret
        "domain=http://127.0.0.1:$PORT" project-slug=demo-project env-slug=dev secret-path=/)
EXPECTED="APP_NAME DATABASE_URL FEATURE_FLAGS LOG_LEVEL TLS_PRIVATE_KEY"

step "2. main step, export-type env"
mkdir -p "$WORK/workspace"
run_main env "${COMMON[@]}" export-type=env
[ "$RUN_RC" = 0 ] && ok "exit code 0" || { bad "exit code $RUN_RC"; sed -n '1,40p' "$WORK/env.out" "$WORK/env.err"; }
names=$($RF names "$(file_of set_env)" | sort | tr '\n' ' ' | sed 's/ $//')
[ "$names" = "$EXPECTED" ] && ok "GITHUB_ENV names: $names" || bad "GITHUB_ENV names: '$names', expected '$EXPECTED'"
value=$(python3 -c '
import sys; sys.path.insert(0, sys.argv[1]); import runner_files
print(dict(runner_files.parse_file_command(sys.argv[2])).get("DATABASE_URL", ""))' "$HERE" "$(file_of set_env)")
[ "$value" = "postgres://demo_user:demo-db-password-dev-4f9a@db.dev.internal:5432/demo" ] \
  && ok "DATABASE_URL references expanded" || bad "DATABASE_URL value differs from the expected expansion"
leaks=$(grep -v '^::add-mask::' "$WORK/env.log" | grep -c 'demo-db-password-dev-4f9a' || true)
[ "$leaks" = 0 ] && ok "no secret value in the log outside ::add-mask::" || bad "secret value printed $leaks time(s)"
grep -qxF '::add-mask::postgres://demo_user:demo-db-password-dev-4f9a@db.dev.internal:5432/demo' "$WORK/env.log" \
  && ok "values registered with ::add-mask:: ($(grep -c '^::add-mask::' "$WORK/env.log") lines)" || bad "no ::add-mask:: line for DATABASE_URL"
[ -s "$(file_of step_summary)" ] && ok "step summary written ($(wc -l < "$(file_of step_summary)") lines)" || bad "no step summary"
ENV_PODMAN=$RUN_PODMAN
if [ "${RUNS:-1}" -gt 1 ]; then
  times=("$RUN_PODMAN")
  for _ in $(seq 2 "$RUNS"); do run_main env-repeat "${COMMON[@]}" export-type=env >/dev/null; times+=("$RUN_PODMAN"); done
  ENV_PODMAN=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
  echo "main step, $RUNS runs: ${times[*]} s -> median ${ENV_PODMAN}s"
fi

step "3. main step, export-type file (+ post step)"
rm -rf "$WORK/workspace"; mkdir -p "$WORK/workspace"
run_main file "${COMMON[@]}" export-type=file file-output-path=/.env clean=true
[ "$RUN_RC" = 0 ] && ok "exit code 0" || { bad "exit code $RUN_RC"; sed -n '1,40p' "$WORK/file.out" "$WORK/file.err"; }
envfile=$(find "$WORK/workspace" -maxdepth 2 -type f | head -1)
if [ -n "$envfile" ]; then
  mode=$(stat -c %a "$envfile")
  [ "$mode" = 600 ] && ok "exported file ${envfile#"$WORK"/} has mode 0600" || bad "exported file mode $mode"
else
  bad "no file written into the workspace"
fi
mapfile -d '' post_cmd < <($RF post-command "$ROOT/action.yml")
if [ "${#post_cmd[@]}" -gt 0 ]; then
  POST=${post_cmd[0]}
  mapfile -d '' states < <($RF state "$(file_of save_state)")
  mapfile -d '' envs < <($RF inputs "$ROOT/action.yml" "${COMMON[@]}" export-type=file file-output-path=/.env clean=true)
  # as the runner: same mounts and environment as the main step, --entrypoint runs.post-entrypoint,
  # container args = runs.args, plus STATE_<name> for each name the main step saved in GITHUB_STATE
  run=(podman run --rm --network=host --workdir /github/workspace --entrypoint "$POST"
    -v "$WORK/workspace:/github/workspace" -v "$RUNNER_TEMP_DIR/_github_home:/github/home"
    -v "$RUNNER_TEMP_DIR/_github_workflow:/github/workflow" -v "$FC:/github/file_commands"
    -e HOME=/github/home -e CI=true -e GITHUB_ACTIONS=true -e RUNNER_OS=Linux -e GITHUB_WORKSPACE=/github/workspace)
  for f in set_env set_output add_path save_state step_summary; do
    n=$(basename "$(file_of $f)"); : > "$FC/$n"
    case $f in set_env) v=GITHUB_ENV ;; set_output) v=GITHUB_OUTPUT ;; add_path) v=GITHUB_PATH ;;
      save_state) v=GITHUB_STATE ;; step_summary) v=GITHUB_STEP_SUMMARY ;; esac
    run+=(-e "$v=/github/file_commands/$n")
  done
  for e in "${envs[@]}" "${states[@]}"; do run+=(-e "$e"); done
  s=$(now); set +e; "${run[@]}" "$TAG" "${post_cmd[@]:1}" > "$WORK/post.out" 2>&1; rc=$?; set -e; e=$(now)
  POST_SECS=$(secs "$s" "$e")
  echo "post step (${post_cmd[*]}): exit $rc in ${POST_SECS}s; log: $WORK/post.out"
  [ "$rc" = 0 ] && ok "post step exit code 0" || { bad "post step exit $rc"; cat "$WORK/post.out"; }
  [ -n "$envfile" ] && [ ! -e "$envfile" ] && ok "post step removed the exported file" || bad "exported file still there after the post step"
else
  echo "action.yml defines no runs.post-entrypoint: post step skipped"
fi
FILE_PODMAN=$RUN_PODMAN

step "4. invalid input fails closed"
rm -rf "$WORK/workspace"; mkdir -p "$WORK/workspace"
run_main invalid "${COMMON[@]}" export-type=env env-slug=no-such-env
[ "$RUN_RC" != 0 ] && ok "exit code $RUN_RC" || bad "exit code 0 for an unknown environment"
[ ! -s "$(file_of set_env)" ] && ok "nothing exported" || bad "GITHUB_ENV written although the step failed"
grep -q '^::error' "$WORK/invalid.log" && ok "::error:: annotation: $(grep -m1 '^::error' "$WORK/invalid.log" | cut -c1-160)" \
  || bad "no ::error:: annotation"

step "5. an earlier step's JAVA_TOOL_OPTIONS, JDK_JAVA_OPTIONS, _JAVA_OPTIONS do not reach the JVM"
# Each variable carries JVM options with a visible effect: -Xlog:...:file= writes a marker file into the
# workspace when the JVM applies it (as a -javaagent or a -Djavax.net.ssl.trustStore= would take effect),
# plus a -D. Control: the same variables with java started directly (no env -u) DO apply. (A -javaagent
# itself cannot even load in this image: its runtime has no java.instrument module.)
rm -rf "$WORK/workspace"; mkdir -p "$WORK/workspace"
JVM_VARS=(JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS _JAVA_OPTIONS)
hostile=()
for v in "${JVM_VARS[@]}"; do hostile+=("$v=-Xlog:startuptime:file=/github/workspace/picked-$v.txt -Dinfisical.proof=$v"); done
markers() { (cd "$WORK/workspace" && ls picked-*.txt 2>/dev/null | sed 's/^picked-//; s/\.txt$//' | sort | tr '\n' ' ' | sed 's/ $//') || true; }
control=(podman run --rm --network=host -v "$WORK/workspace:/github/workspace" --entrypoint /opt/java/openjdk/bin/java)
for e in "${hostile[@]}"; do control+=(-e "$e"); done
"${control[@]}" "$TAG" -version > "$WORK/control.out" 2>&1 || true
ran=$(markers)
[ "$ran" = "JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS _JAVA_OPTIONS" ] && ok "control: java started directly applies all three ($ran)" \
  || { bad "control: not every variable took effect ('$ran'), so this check proves nothing"; cat "$WORK/control.out"; }
rm -f "$WORK/workspace"/picked-*.txt
EXTRA_ENV=("${hostile[@]}")
run_main hostile-env "${COMMON[@]}" export-type=env
EXTRA_ENV=()
[ "$RUN_RC" = 0 ] && ok "main step with the three variables set: exit 0" || { bad "main step exit $RUN_RC"; sed -n '1,20p' "$WORK/hostile-env.log"; }
[ -z "$(markers)" ] && ok "main step: no option of the three variables took effect" || bad "main step applied: $(markers)"
grep -q 'Picked up' "$WORK/hostile-env.log" && bad "main step: the JVM picked up an option variable" || ok "main step: no 'Picked up ...' from the JVM"
names=$($RF names "$(file_of set_env)" | sort | tr '\n' ' ' | sed 's/ $//')
[ "$names" = "$EXPECTED" ] && ok "main step: hyphenated INPUT_ names still arrive (exported $names)" || bad "main step exported '$names'"
# the post entrypoint (nothing saved: it has nothing to clean up, which is enough to start its JVM)
post=(podman run --rm --network=host --workdir /github/workspace --entrypoint /app/post -v "$WORK/workspace:/github/workspace"
  -e GITHUB_WORKSPACE=/github/workspace -e HOME=/github/workspace)
for e in "${hostile[@]}"; do post+=(-e "$e"); done
set +e; "${post[@]}" "$TAG" > "$WORK/hostile-post.out" 2>&1; rc=$?; set -e
[ "$rc" = 0 ] && ok "post step with the three variables set: exit 0 ($(grep -m1 'Infisical' "$WORK/hostile-post.out" | cut -c1-60))" \
  || { bad "post step exit $rc"; cat "$WORK/hostile-post.out"; }
[ -z "$(markers)" ] && ok "post step: no option of the three variables took effect" || bad "post step applied: $(markers)"
grep -q 'Picked up' "$WORK/hostile-post.out" && bad "post step: the JVM picked up an option variable" || ok "post step: no 'Picked up ...'"

step "6. TLS to a local server signed by a private CA (ca-certificate input)"
rm -rf "$WORK/workspace"; mkdir -p "$WORK/workspace" "$WORK/tls"
(cd "$WORK/tls" \
  && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca.key -out ca.pem -days 2 -subj '/CN=proof test CA' 2>/dev/null \
  && openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout server.key -out server.csr -subj '/CN=localhost' 2>/dev/null \
  && printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' > ext.cnf \
  && openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 -extfile ext.cnf -out server.pem 2>/dev/null)
python3 "$HERE/tls_proxy.py" --cert "$WORK/tls/server.pem" --key "$WORK/tls/server.key" --backend "http://127.0.0.1:$PORT" \
  > "$WORK/tls/port" 2> "$WORK/tls-proxy.log" &
TLS_PID=$!
trap 'kill $DEV_PID $TLS_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do [ -s "$WORK/tls/port" ] && break; sleep 0.1; done
TLS_PORT=$(head -1 "$WORK/tls/port")
TLS_COMMON=(method=universal client-id=demo-client-id client-secret=demo-client-secret
  "domain=https://127.0.0.1:$TLS_PORT" project-slug=demo-project env-slug=dev secret-path=/)
run_main tls "${TLS_COMMON[@]}" export-type=env "ca-certificate=$(cat "$WORK/tls/ca.pem")"
TLS_PODMAN=$RUN_PODMAN
[ "$RUN_RC" = 0 ] && ok "HTTPS with the CA given: exit 0" || { bad "HTTPS with the CA: exit $RUN_RC"; sed -n '1,20p' "$WORK/tls.log"; }
names=$($RF names "$(file_of set_env)" | sort | tr '\n' ' ' | sed 's/ $//')
[ "$names" = "$EXPECTED" ] && ok "HTTPS: exported $names" || bad "HTTPS: exported '$names'"
grep -q '"POST /api/v1/auth/universal-auth/login' "$WORK/tls-proxy.log" && ok "the login went through the TLS server" || bad "no login seen by the TLS server"
rm -rf "$WORK/workspace"; mkdir -p "$WORK/workspace"
run_main tls-untrusted "${TLS_COMMON[@]}" export-type=env
[ "$RUN_RC" != 0 ] && ok "HTTPS without the CA: exit $RUN_RC" || bad "HTTPS without the CA succeeded"
[ ! -s "$(file_of set_env)" ] && ok "without the CA: nothing exported" || bad "without the CA: GITHUB_ENV written"
grep -m1 '^::error' "$WORK/tls-untrusted.log" | grep -qi 'trust\|certif' && ok "::error:: names the certificate: $(grep -m1 '^::error' "$WORK/tls-untrusted.log" | cut -c1-150)" \
  || bad "no ::error:: about the certificate"

echo
echo "=== summary"
echo "image:            $summary_build"
echo "image size:       $summary_size"
echo "run (HTTPS, CA):  ${TLS_PODMAN:-n/a}s podman run"
echo "run (env export): ${ENV_PODMAN}s podman run, container start to exit$([ "${RUNS:-1}" -gt 1 ] && echo ", median of $RUNS")"
echo "load average:     $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs"
echo "run (file export):${FILE_PODMAN}s podman run; post step ${POST_SECS:-n/a}s"
echo "checks: $pass passed, $failed failed   (work dir: $WORK)"
[ "$failed" = 0 ]
