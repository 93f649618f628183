#!/usr/bin/env bash
# portable/test/portable-test.sh — runs the portable action's steps (portable/run.sh) as the runner runs a
# composite action, on Linux, against the dev server on 127.0.0.1, with the runner's Windows path
# conventions simulated: RUNNER_TEMP, GITHUB_ACTION_PATH, GITHUB_OUTPUT and JAVA_HOME_17_X64 are
# Windows paths (C:\...), and a stand-in `cygpath` (as Git Bash has) maps them onto this machine, logging
# each call. The "release" is served from a loopback HTTP server (INFISICAL_PORTABLE_DOWNLOAD_BASE).
#
# run.sh must work on bash 3.2 (macOS's /bin/bash): a static check refuses bash-4-only constructs and
# unguarded array expansions (an empty array is "unbound" under `set -u` before bash 4.4). The steps run
# under `bash` of PATH, or under PORTABLE_TEST_BASH=/path/to/bash when given (e.g. a bash 3.2 built from
# source), which then also runs the clean-up's inner `bash run.sh post`.
#
# Needs: java 17+, python3, curl, the action and dev-server jars (built when missing:
#   mvn -B -ntp -q -pl github-action,dev-server -am package -DskipTests).
# Prints "N passed, N failed"; exit 1 on any failure.
set -uo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PORTABLE=$(cd "$HERE/.." && pwd)
ROOT=$(cd "$PORTABLE/.." && pwd)
T=$(mktemp -d /tmp/portable-test.XXXXXX)
pass=0; failed=0
ok()  { echo "PASS: $*"; pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; failed=$((failed + 1)); }
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done' EXIT

jar_of() { ls -t "$ROOT"/$1/target*/"$2" 2>/dev/null | head -1; }
ACTION_JAR=$(jar_of github-action infisical-action.jar)
DEV_JAR=$(jar_of dev-server infisical-dev-server.jar)
if [ -z "$ACTION_JAR" ] || [ -z "$DEV_JAR" ]; then
  (cd "$ROOT" && mvn -B -ntp -q -pl github-action,dev-server -am package -DskipTests) || exit 1
  ACTION_JAR=$(jar_of github-action infisical-action.jar); DEV_JAR=$(jar_of dev-server infisical-dev-server.jar)
fi
REAL_JAVA=$(command -v java)
REAL_JAVA_HOME=$(cd "$(dirname "$(readlink -f "$REAL_JAVA")")/.." && pwd)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# --- bash 3.2: constructs run.sh must not use -----------------------------------------------------------
# bash4_constructs <file>: the lines (comments left out) that need a bash newer than 3.2, or that expand an
# array or "$@" without the ${a[@]+"${a[@]}"} guard (an error under `set -u` before bash 4.4).
BASH4=(
  'mapfile/readarray (4.0)|\<(mapfile|readarray)\>'
  'associative array or nameref (4.0/4.3)|\<(declare|local|typeset)[[:space:]]+-[[:alpha:]]*[An]'
  'declare -g (4.2)|\<(declare|local|typeset)[[:space:]]+-[[:alpha:]]*g'
  'case modification ${x,,} ${x^^} (4.0)|\$\{[[:alpha:]_][[:alnum:]_]*(\[[^]]*\])?(\^|,)'
  'transformation ${x@Q} (4.4)|\$\{[[:alpha:]_][[:alnum:]_]*(\[[^]]*\])?@[QEPAaKkUuL]\}'
  'negative array index (4.3)|\$\{[[:alpha:]_][[:alnum:]_]*\[-[0-9]'
  'case fall-through ;& ;;& (4.0)|;;&|(^|[^;]);&'
  'pipe and stderr (4.0)|\|&'
  '&>> (4.0)|&>>'
  '[[ -v / test -v (4.2)|(\[\[|\[|\<test)[[:space:]]+-v[[:space:]]'
  'coproc, wait -n, globstar/lastpipe, BASHPID, EPOCHSECONDS (4.x/5.0)|\<(coproc|wait[[:space:]]+-n|globstar|lastpipe|BASHPID|EPOCH(SECONDS|REALTIME))\>'
  'printf %(...)T (4.2)|printf[[:space:]].*%\([^)]*\)T'
  "\$'\\u' escape (4.2)|\\$'[^']*\\\\[uU][0-9a-fA-F]"
  'unguarded "${a[@]}" (set -u before 4.4)|"\$\{[[:alpha:]_][[:alnum:]_]*\[[@*]\]\}"'
  'unguarded "$@" (set -u)|"\$[@*]"'
)
bash4_constructs() {
  # comment lines and trailing " # ..." comments out; the guarded forms ${a[@]+"${a[@]}"} and ${1+"$@"} out
  sed -E -e 's/^[[:space:]]*#.*//' -e 's/[[:space:]]#[[:space:]].*$//' \
      -e 's/\$\{([[:alpha:]_][[:alnum:]_]*)\[@\]\+"\$\{\1\[@\]\}"\}/GUARDED/g' -e 's/\$\{1\+"\$@"\}/GUARDED/g' "$1" \
    | grep -nE "$(printf '%s\n' "${BASH4[@]}" | sed 's/^[^|]*|//' | paste -sd '|' -)" || true
}
echo "=== run.sh on bash 3.2"
found=$(bash4_constructs "$PORTABLE/run.sh")
[ -z "$found" ] && ok "run.sh: no bash-4-only construct, every array expansion guarded (${#BASH4[@]} kinds checked)" \
  || bad "run.sh needs bash 4: $(printf '%s\n' "$found" | head -5)"
# each kind is really found: one offending line per kind
samples=('mapfile -t a < f' 'readarray a' 'declare -A m' 'local -n ref=x' 'declare -g x=1' 'y=${x,,}' 'y=${x^^}' 'y=${x^}'
  'y=${x@Q}' 'y=${a[-1]}' '  a) x ;;&' '  a) x ;&' 'cmd |& tee f' 'cmd &>> f' '[[ -v x ]]' 'test -v x' 'coproc cat'
  'wait -n' 'shopt -s globstar' 'echo $BASHPID' 'echo $EPOCHSECONDS' "printf '%(%F)T'" "x=\$'\\u00e9'"
  'for x in "${a[@]}"; do :; done' 'f "$@"' 'f "$*"')
missed=""
for l in "${samples[@]}"; do printf '%s\n' "$l" > "$T/sample.sh"; [ -n "$(bash4_constructs "$T/sample.sh")" ] || missed="$missed [$l]"; done
printf '%s\n' 'for x in ${a[@]+"${a[@]}"}; do :; done' 'f ${1+"$@"}' '# mapfile in a comment' 'x=${y:-z} # y,, |& in a comment' \
  'case $x in a) y ;; esac' 'local -a list=()' 'n=${#a[@]}' 'v=${a[1]}' 'w=${x:0:3}' > "$T/sample.sh"
[ -z "$missed" ] && [ -z "$(bash4_constructs "$T/sample.sh")" ] \
  && ok "the check finds each of ${#samples[@]} bash-4-only lines and passes 9 bash-3.2 ones" \
  || bad "the bash 3.2 check missed:$missed; flagged: $(bash4_constructs "$T/sample.sh")"

# --- the machine: C:\ of the simulated Windows runner is $T/c ------------------------------------------
mkdir -p "$T/c/runner/_temp" "$T/c/runner/_actions/acme/infisical-ci/v9/portable/cleanup" "$T/bin" "$T/ws" "$T/releases/v9.9.9"
# the bash the steps run under (found on the steps' PATH, $T/bin first)
if [ -n "${PORTABLE_TEST_BASH:-}" ]; then ln -s "$PORTABLE_TEST_BASH" "$T/bin/bash"; fi
echo "steps run under: $(env PATH="$T/bin:/usr/bin:/bin" bash --version | head -1)"
cat > "$T/bin/cygpath" <<EOF
#!/usr/bin/env bash
# stand-in for Git Bash's cygpath: C:\\x\\y -> $T/c/x/y for -u and -m alike (java here is a Linux program)
echo "\$*" >> "$T/cygpath.log"
p=\$2
if [[ "\$p" =~ ^[A-Za-z]:[\\\\/] ]]; then p="$T/c/\${p:3}"; p=\${p//\\\\//}; fi
printf '%s\n' "\$p"
EOF
chmod 755 "$T/bin/cygpath"
# the JDK appears under a Windows path, as JAVA_HOME_17_X64 on a hosted Windows runner
mkdir -p "$T/c/hostedtoolcache"; ln -s "$REAL_JAVA_HOME" "$T/c/hostedtoolcache/jdk"
ACTION_DIR="$T/c/runner/_actions/acme/infisical-ci/v9/portable"
cp "$PORTABLE/run.sh" "$PORTABLE/action.yml" "$ACTION_DIR/"; cp "$PORTABLE/cleanup/action.yml" "$ACTION_DIR/cleanup/"
cp "$ACTION_JAR" "$T/releases/v9.9.9/infisical-action.jar"
SHA=$(sha256sum "$ACTION_JAR" | cut -d' ' -f1)
printf 'v9.9.9 %s\n' "$SHA" > "$ACTION_DIR/jar.lock"

HTTP_PORT=$(free_port)
python3 -m http.server "$HTTP_PORT" --bind 127.0.0.1 --directory "$T/releases" > "$T/http.log" 2>&1 &
PIDS+=($!)
DEV_PORT=$(free_port)
java -jar "$DEV_JAR" --seed "$ROOT/dev-server/demo-seed.json" --host 127.0.0.1 --port "$DEV_PORT" > "$T/dev.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$DEV_PORT/api/status" && curl -fs -o /dev/null "http://127.0.0.1:$HTTP_PORT/" && break; sleep 0.2; done

# step <name> <run.sh command> [NAME=VALUE...]: one composite step, with the runner's variables, in the
# workspace. Steps that run the jar get GITHUB_OUTPUT as a path of this machine (java here is a Linux
# program; on Windows it is a Windows one and opens C:\... itself).
step() {
  local name=$1 cmd=$2; shift 2
  : > "$T/c/runner/_temp/out_$name"; : > "$T/env_$name"
  local -a native=()
  case $cmd in main|cleanup) native=(GITHUB_OUTPUT="$T/c/runner/_temp/out_$name") ;; esac
  (cd "$T/ws" && env -i PATH="$T/bin:/usr/bin:/bin" HOME="$T/home" \
    RUNNER_TEMP='C:\runner\_temp' GITHUB_ACTION_PATH='C:\runner\_actions\acme\infisical-ci\v9\portable' \
    GITHUB_OUTPUT="C:\\runner\\_temp\\out_$name" GITHUB_ENV="$T/env_$name" GITHUB_STEP_SUMMARY="$T/summary" \
    GITHUB_WORKSPACE="$T/ws" GITHUB_REPOSITORY=acme/app GITHUB_REF_NAME=main CI=true GITHUB_ACTIONS=true \
    RUNNER_OS=Windows JAVA_HOME_17_X64='C:\hostedtoolcache\jdk' \
    INFISICAL_PORTABLE_DOWNLOAD_BASE="http://127.0.0.1:$HTTP_PORT" "$@" "${native[@]}" \
    bash "$ACTION_DIR/run.sh" "$cmd" > "$T/log_$name" 2>&1)
}
out_of() { sed -n "s/^$2=//p" "$T/c/runner/_temp/out_$1" | tail -1; }
names_of() { awk '/<</ && !d { split($0, a, "<<"); print a[1]; d = a[2]; next } d && $0 == d { d = ""; next } !d && /=/ { split($0, a, "="); print a[1] }' "$1" | sort | tr '\n' ' ' | sed 's/ $//'; }
INPUTS=("INPUT_METHOD=universal" "INPUT_CLIENT-ID=demo-client-id" "INPUT_CLIENT-SECRET=demo-client-secret"
  "INPUT_DOMAIN=http://127.0.0.1:$DEV_PORT" "INPUT_PROJECT-SLUG=demo-project" "INPUT_ENV-SLUG=dev"
  "INPUT_SECRET-PATH=/" "INPUT_INCLUDE-IMPORTS=true" "INPUT_RECURSIVE=false" "INPUT_EXPAND-REFERENCES=true"
  "INPUT_FILE-OUTPUT-PATH=/.env" "INPUT_CLEAN=true" "INPUT_FILE-FORMAT=dotenv" "INPUT_TIMEOUT=60" "INPUT_RETRIES=3"
  "INPUT_FAIL-ON-MISSING=true" "INPUT_EXPORT-TOKEN=false")
EXPECTED="APP_NAME DATABASE_URL FEATURE_FLAGS LOG_LEVEL TLS_PRIVATE_KEY"

echo "=== find-java"
step java find-java
JAVA=$(out_of java java)
[ "$(out_of java found)" = true ] && [ "$JAVA" = "$T/c/hostedtoolcache/jdk/bin/java" ] \
  && ok "Java found through JAVA_HOME_17_X64 (a Windows path, mapped by cygpath): $JAVA" || { bad "find-java: $(cat "$T/log_java")"; }
grep -q -- "-u C:\\\\hostedtoolcache\\\\jdk" "$T/cygpath.log" && ok "cygpath -u was asked for JAVA_HOME_17_X64" || bad "cygpath not used for JAVA_HOME_17_X64"
mkdir -p "$T/old/bin"; printf '#!/bin/sh\necho "    java.specification.version = 11" >&2\n' > "$T/old/bin/java"; chmod 755 "$T/old/bin/java"
step nojava find-java JAVA_HOME_17_X64= JAVA_HOME_11_X64="$T/old" PATH="$T/bin:/usr/bin:/bin"
if ! env PATH=/usr/bin:/bin bash -c 'command -v java' >/dev/null 2>&1; then
  [ "$(out_of nojava found)" = false ] && ok "only a Java 11: found=false (setup-java takes over)" || bad "nojava: $(cat "$T/log_nojava")"
else
  echo "note: a java on /usr/bin:/bin; the no-Java case is not checked here"
fi

echo "=== fetch"
step fetch fetch
JAR=$(out_of fetch jar)
[ -n "$JAR" ] && [ "$(sha256sum "$JAR" | cut -d' ' -f1)" = "$SHA" ] && ok "downloaded and checked: $(grep -o 'sha256 [0-9a-f]*.*' "$T/log_fetch")" \
  || bad "fetch: $(cat "$T/log_fetch")"
[ -z "$(find "$T" -name '*\\*' -print -quit)" ] && ok "no file named after an unconverted Windows path" \
  || bad "a Windows path was used as a file name: $(find "$T" / -maxdepth 3 -name 'C:*' 2>/dev/null | head -3)"
cp "$T/releases/v9.9.9/infisical-action.jar" "$T/good.jar"; printf 'x' >> "$T/releases/v9.9.9/infisical-action.jar"
rm -rf "$T/c/runner/_temp/infisical-portable"
step tampered fetch
grep -q "sha256 is .* but portable/jar.lock of v9.9.9 says $SHA: not running it" "$T/log_tampered" && [ -z "$(out_of tampered jar)" ] \
  && ok "a jar that differs from jar.lock is refused: $(grep -m1 '::error::' "$T/log_tampered" | cut -c1-110)..." || bad "tampered jar: $(cat "$T/log_tampered")"
cp "$T/good.jar" "$T/releases/v9.9.9/infisical-action.jar"
mv "$ACTION_DIR/jar.lock" "$T/jar.lock"
step nolock fetch
grep -q "no released jar" "$T/log_nolock" && ok "without jar.lock (a main-branch checkout): a clear error" || bad "nolock: $(cat "$T/log_nolock")"
step given fetch INFISICAL_JAR="$ACTION_JAR"
[ "$(out_of given jar)" = "$ACTION_JAR" ] && ok "input 'jar' is used as given" || bad "given jar: $(cat "$T/log_given")"
printf 'v9.9 %s\n' "$SHA" > "$ACTION_DIR/jar.lock"
step badlock fetch
grep -q "jar.lock is malformed" "$T/log_badlock" && ok "malformed jar.lock refused" || bad "badlock: $(cat "$T/log_badlock")"
mv "$T/jar.lock" "$ACTION_DIR/jar.lock"
step fetch fetch; JAR=$(out_of fetch jar)

echo "=== main (export-type env), with JAVA_TOOL_OPTIONS/JDK_JAVA_OPTIONS/_JAVA_OPTIONS of an earlier step"
mkdir -p "$T/agent"
cat > "$T/agent/ProofAgent.java" <<'JAVA'
public class ProofAgent {
  public static void premain(String arg) throws Exception {
    java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "agent-ran-" + arg), arg);
  }
}
JAVA
printf 'Premain-Class: ProofAgent\n' > "$T/agent/m.txt"
(cd "$T/agent" && javac --release 17 ProofAgent.java && jar cfm agent.jar m.txt ProofAgent.class)
AGENT=()
for v in JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS _JAVA_OPTIONS; do AGENT+=("$v=-javaagent:$T/agent/agent.jar=$v -Djava.io.tmpdir=$T/agent"); done
env "${AGENT[@]}" java -version > /dev/null 2>&1
[ "$(ls "$T/agent" | grep -c '^agent-ran-')" = 3 ] && ok "control: java started directly runs the agent from all three variables" || bad "control: agent did not run"
rm -f "$T/agent"/agent-ran-*
step main main INFISICAL_JAVA="$JAVA" INFISICAL_JAR_PATH="$JAR" "${INPUTS[@]}" INPUT_EXPORT-TYPE=env "${AGENT[@]}"
rc=$?
[ "$rc" = 0 ] && ok "main step exit 0" || bad "main step exit $rc: $(head -20 "$T/log_main")"
[ "$(names_of "$T/env_main")" = "$EXPECTED" ] && ok "GITHUB_ENV names: $EXPECTED (hyphenated INPUT_ names arrived)" || bad "GITHUB_ENV: '$(names_of "$T/env_main")'"
ls "$T/agent"/agent-ran-* >/dev/null 2>&1 && bad "the agent ran in the action's JVM" || ok "no agent ran in the action's JVM"
grep -q 'Picked up' "$T/log_main" && bad "the JVM picked up an option variable" || ok "no 'Picked up ...' from the JVM"
grep -qxF '::add-mask::demo-db-password-dev-4f9a' "$T/log_main" || grep -q '^::add-mask::' "$T/log_main" && ok "values masked ($(grep -c '^::add-mask::' "$T/log_main") ::add-mask:: lines)" || bad "no ::add-mask::"
[ "$(grep -v '^::add-mask::' "$T/log_main" | grep -c 'demo-db-password-dev-4f9a')" = 0 ] && ok "no secret value outside ::add-mask::" || bad "a secret value was printed"

echo "=== main (export-type file, export-token) + cleanup"
step file main INFISICAL_JAVA="$JAVA" INFISICAL_JAR_PATH="$JAR" "${INPUTS[@]}" INPUT_EXPORT-TYPE=file INPUT_EXPORT-TOKEN=true
rc=$?
[ "$rc" = 0 ] && [ -f "$T/ws/.env" ] && ok "file step exit 0, $T/ws/.env mode $(stat -c %a "$T/ws/.env")" || bad "file step exit $rc: $(head -20 "$T/log_file")"
grep -q '^infisical-token<<' "$T/c/runner/_temp/out_file" && ok "output infisical-token written to GITHUB_OUTPUT (mapped by portable/action.yml)" || bad "no infisical-token output"
ls "$T/c/runner/_temp/infisical-portable"/state.* >/dev/null 2>&1 && ok "state kept for the clean-up step under RUNNER_TEMP" || bad "no state file"
step cleanup cleanup
rc=$?
[ "$rc" = 0 ] && [ ! -e "$T/ws/.env" ] && ok "cleanup removed the exported file: $(grep -v '^$' "$T/log_cleanup" | tail -1)" || bad "cleanup exit $rc: $(cat "$T/log_cleanup")"
step cleanup2 cleanup
grep -q "nothing to clean up" "$T/log_cleanup2" && ok "a second clean-up has nothing to do" || bad "cleanup2: $(cat "$T/log_cleanup2")"

echo "=== fails closed"
step bad main INFISICAL_JAVA="$JAVA" INFISICAL_JAR_PATH="$JAR" "${INPUTS[@]}" INPUT_EXPORT-TYPE=env INPUT_ENV-SLUG=no-such-env
rc=$?
[ "$rc" != 0 ] && [ ! -s "$T/env_bad" ] && ok "unknown environment: exit $rc, nothing exported" || bad "unknown environment: exit $rc"

[ -z "$(find "$T" -name '*\\*' -print -quit)" ] && ok "after all steps: no file named after an unconverted Windows path" \
  || bad "files named after Windows paths: $(find "$T" -name '*\\*' | head -3)"

echo
echo "work dir: $T"
echo "$pass passed, $failed failed"
[ "$failed" = 0 ] && rm -rf "$T"
[ "$failed" = 0 ]
