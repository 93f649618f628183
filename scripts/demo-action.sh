#!/usr/bin/env bash
# End-to-end demo of the GitHub Action: builds the jars, starts the dev server with its demo seed on a
# free port, runs the action jar with the environment a runner gives a container action (hyphenated
# INPUT_ names, file-command files, a workspace), then shows what a workflow author would see:
#   1. the log as the runner displays it (::add-mask:: values hidden, every later occurrence shown as ***),
#   2. the exported variable names (never the values), read back by the runner's file-command rules,
#   3. the step summary,
#   4. a later step echoing two secrets (one multi-line), masked by the values the action registered,
# and stops the server. Needs JDK 17+ and Maven 3.8+. Set DEMO_SKIP_BUILD=1 to reuse built jars.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${DEMO_SKIP_BUILD:-}" != 1 ]]; then
  echo "==> building the jars: mvn -B -ntp -DskipTests package (a minute or more on a cold cache)"
  build_log=$(mktemp)
  started=$SECONDS
  # progress: one line per module as Maven reaches it; the full log only if the build fails
  if ! mvn -B -ntp -DskipTests package 2>&1 | tee "$build_log" \
      | sed -un 's/^\[INFO\] Building \(.*\) [0-9][^ ]* *\(\[[0-9]*\/[0-9]*\]\)$/    \2 \1/p'; then
    cat "$build_log" >&2; rm -f "$build_log"; exit 1
  fi
  if ! grep -q "BUILD SUCCESS" "$build_log"; then cat "$build_log" >&2; rm -f "$build_log"; exit 1; fi
  rm -f "$build_log"
  echo "    built in $((SECONDS - started)) s"
fi
dev_jar=dev-server/target/infisical-dev-server.jar
action_jar=github-action/target/infisical-action.jar
for jar in "$dev_jar" "$action_jar"; do
  [[ -f "$jar" ]] || { echo "missing $jar (run without DEMO_SKIP_BUILD)" >&2; exit 1; }
done

work=$(mktemp -d)
server_pid=
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "==> starting the dev server (demo seed, free port)"
java -jar "$dev_jar" --seed dev-server/demo-seed.json --port 0 >"$work/server.log" 2>&1 &
server_pid=$!
url=
for _ in $(seq 1 100); do
  url=$(sed -n 's/^Infisical dev server listening on \(http:[^ ]*\).*/\1/p' "$work/server.log")
  [[ -n "$url" ]] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done
[[ -n "$url" ]] || { echo "dev server did not start" >&2; cat "$work/server.log" >&2; exit 1; }
echo "    $url"

mkdir -p "$work/workspace" "$work/file_commands"
for f in set_env set_output save_state step_summary; do : >"$work/file_commands/$f"; done

echo "==> running the action (as the runner starts a container action)"
set +e
env -i PATH="$PATH" HOME="$HOME" \
  GITHUB_ACTIONS=true GITHUB_WORKSPACE="$work/workspace" GITHUB_REF_NAME=main \
  GITHUB_ENV="$work/file_commands/set_env" GITHUB_OUTPUT="$work/file_commands/set_output" \
  GITHUB_STATE="$work/file_commands/save_state" GITHUB_STEP_SUMMARY="$work/file_commands/step_summary" \
  "INPUT_DOMAIN=$url" \
  "INPUT_METHOD=universal" \
  "INPUT_CLIENT-ID=demo-client-id" \
  "INPUT_CLIENT-SECRET=demo-client-secret" \
  "INPUT_PROJECT-SLUG=demo-project" \
  "INPUT_ENV-SLUG=dev" \
  "INPUT_SECRET-PATH=/
/database" \
  "INPUT_EXPORT-TYPE=env" \
  java -XX:+UseSerialGC -jar "$action_jar" >"$work/stdout.txt" 2>&1
code=$?
set -e

echo
echo "==> 1. the log as the runner shows it (exit code $code)"
awk '
  function unescape(s) { gsub(/%0D/, "\r", s); gsub(/%0A/, "\n", s); gsub(/%25/, "%", s); return s }
  function masked(line,   i, m, p, out) {
    for (i = 1; i <= n; i++) {
      m = masks[i]; out = ""
      while ((p = index(line, m)) > 0) { out = out substr(line, 1, p - 1) "***"; line = substr(line, p + length(m)) }
      line = out line
    }
    return line
  }
  /^::add-mask::/ { v = unescape(substr($0, 13)); if (v != "") masks[++n] = v; next }
  { line = masked($0) }
  line ~ /^::group::/    { print "  > " substr(line, 10); next }
  line ~ /^::endgroup::/ { next }
  line ~ /^::error::/    { print "  Error: " unescape(substr(line, 10)); next }
  line ~ /^::warning::/  { print "  Warning: " unescape(substr(line, 12)); next }
  { print "    " line }
' "$work/stdout.txt" | tee "$work/shown.txt"

echo
echo "==> 2. exported environment variables (names only; $(wc -c <"$work/file_commands/set_env") bytes in GITHUB_ENV)"
awk '
  delim != "" { if ($0 == delim) delim = ""; next }
  /^$/ { next }
  { e = index($0, "="); h = index($0, "<<")
    if (h > 0 && (e == 0 || h < e)) { print "    " substr($0, 1, h - 1); delim = substr($0, h + 2) }
    else if (e > 0) { print "    " substr($0, 1, e - 1) } }
' "$work/file_commands/set_env"

echo
echo "==> 3. step summary (GITHUB_STEP_SUMMARY)"
sed 's/^/    /' "$work/file_commands/step_summary"

# A later step that prints secrets (echo "$DB_PASSWORD", a multi-line key): the runner replaces every
# value registered with ::add-mask:: by ***, as it would in the real job log.
awk '
  delim != "" { if ($0 == delim) { delim = ""; next } if (name == "DB_PASSWORD" || name == "TLS_PRIVATE_KEY") print name ": " $0; next }
  { h = index($0, "<<"); if (h > 0) { name = substr($0, 1, h - 1); delim = substr($0, h + 2) } }
' "$work/file_commands/set_env" >"$work/later_step.txt"
echo
echo "==> 4. a later step that echoes \$DB_PASSWORD and \$TLS_PRIVATE_KEY, as the runner shows it"
{ grep '^::add-mask::' "$work/stdout.txt"; cat "$work/later_step.txt"; } | awk '
  function unescape(s) { gsub(/%0D/, "\r", s); gsub(/%0A/, "\n", s); gsub(/%25/, "%", s); return s }
  /^::add-mask::/ { v = unescape(substr($0, 13)); if (v != "") masks[++n] = v; next }
  { line = $0
    for (i = 1; i <= n; i++) { out = ""; while ((p = index(line, masks[i])) > 0) { out = out substr(line, 1, p - 1) "***"; line = substr(line, p + length(masks[i])) } line = out line }
    print "    " line }
' | tee -a "$work/shown.txt"
[[ -s "$work/later_step.txt" ]] || { echo "the demo found no DB_PASSWORD/TLS_PRIVATE_KEY record in GITHUB_ENV" >&2; exit 1; }

leaks=0
for value in demo-client-secret demo-db-password-dev-4f9a sk_test_demo_51Hx0000000000000000000000 notARealKeyJustMultiLineDemoTextForMaskingTests0123456789==; do
  if grep -qF -- "$value" "$work/shown.txt" "$work/file_commands/step_summary"; then
    echo "LEAK: a secret value is visible in the log or summary" >&2
    leaks=1
  fi
done
echo
echo "==> 5. what the dev server received (its request log: method, path, parameter names, status; never values)"
grep -E ' -> ([0-9]{3}|dropped)$' "$work/server.log" | sed 's/^/    /' | tee -a "$work/shown.txt"
[[ $leaks == 0 ]] && echo "==> check: no demo secret value appears in the shown log or the summary"
echo "==> stopping the dev server"
exit $(( code != 0 || leaks != 0 ))
