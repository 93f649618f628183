#!/usr/bin/env bash
# portable/run.sh — the steps of the portable (composite) action, for every runner OS (Linux, macOS, and
# Windows through Git Bash). action.yml in this folder calls: find-java, fetch, main, cleanup.
#
#   find-java   writes java=<path> to GITHUB_OUTPUT: the newest Java >= 17 among the runner's
#               JAVA_HOME_<version>_<arch> variables (GitHub-hosted images), JAVA_HOME, `java` on PATH;
#               found=false when there is none (action.yml then runs actions/setup-java).
#   fetch       writes jar=<path>: the release's infisical-action.jar, downloaded into RUNNER_TEMP and
#               checked against portable/jar.lock ("vX.Y.Z <sha256>", written by the release workflow into
#               the release commit, so the checksum comes from the commit the workflow pinned); or the
#               `jar` input (a locally built jar, used as it is).
#   main        runs the jar as the container runs it (same JVM flags), with the INPUT_* variables the
#               step's env gives, JAVA_TOOL_OPTIONS / JDK_JAVA_OPTIONS / _JAVA_OPTIONS removed; its
#               GITHUB_STATE goes to a file under RUNNER_TEMP for `cleanup`.
#   cleanup     the container action's post step: runs the jar with `post` for each state file left by
#               `main` (removes an exported file when clean was true). Composite actions have no post
#               step: users call portable/cleanup with `if: always()` (docs/github-action.md).
#
# Paths: on Windows, RUNNER_TEMP, GITHUB_ACTION_PATH, JAVA_HOME_* and GITHUB_WORKSPACE are Windows paths
# (D:\a\_temp). Paths this script opens itself go through `cygpath -u` and paths handed to java (a
# Windows program there) through `cygpath -m` (D:/a/_temp), when cygpath exists (Git Bash); elsewhere
# they are used as they are.
#
# Bash 3.2 and newer (macOS's /bin/bash is 3.2, which a self-hosted macOS runner's `shell: bash` may run):
# no mapfile/readarray, associative arrays, ${x,,}/${x^^} or `[[ -v`; and under `set -u` a bash older
# than 4.4 calls an empty array unbound, so every array (and "$@") is expanded as ${a[@]+"${a[@]}"}.
# portable/test/portable-test.sh refuses such constructs.
set -euo pipefail

die() { echo "::error::Infisical (portable): $*"; exit 1; }
# a path for bash and its tools / a path for a native program (java)
shell_path()  { if command -v cygpath >/dev/null 2>&1; then cygpath -u "$1"; else printf '%s\n' "$1"; fi; }
native_path() { if command -v cygpath >/dev/null 2>&1; then cygpath -m "$1"; else printf '%s\n' "$1"; fi; }
output() { printf '%s=%s\n' "$1" "$2" >> "$(shell_path "${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set}")"; }
work_dir() {
  local d
  d="$(shell_path "${RUNNER_TEMP:?RUNNER_TEMP is not set}")/infisical-portable"
  mkdir -p "$d"
  printf '%s\n' "$d"
}
# The JVM flags of the image (Dockerfile JVM_FLAGS), minus the AOT cache, which only the image has.
JVM_FLAGS=(-XX:+UseSerialGC -Xms16m -Xmx1g -XX:TieredStopAtLevel=1 -XX:-UsePerfData
           -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8)
# Variables that would put code or flags into the JVM that holds the secrets.
JVM_OPTION_VARS=(JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS _JAVA_OPTIONS)

# The Java feature version of a java executable (17, 21, 25...), or nothing.
java_version() {
  local v
  v=$(env -u JAVA_TOOL_OPTIONS -u JDK_JAVA_OPTIONS -u _JAVA_OPTIONS "$1" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java\.specification\.version = \([0-9.]*\).*/\1/p' | head -1) || true
  v=${v#1.}
  printf '%s\n' "${v%%.*}"
}

find_java() {
  local -a candidates=() homes=()
  local name home exe v
  # JAVA_HOME_<version>_<arch> of GitHub-hosted images, newest version first; then JAVA_HOME, then PATH.
  while IFS= read -r name; do homes+=("${!name}"); done < <(compgen -v | grep -E '^JAVA_HOME_[0-9]+_' \
    | sort -t_ -k3,3nr)
  [ -n "${JAVA_HOME:-}" ] && homes+=("$JAVA_HOME")
  for home in ${homes[@]+"${homes[@]}"}; do
    [ -n "$home" ] || continue
    home=$(shell_path "$home")
    for exe in "$home/bin/java" "$home/bin/java.exe"; do
      [ -x "$exe" ] && { candidates+=("$exe"); break; }
    done
  done
  exe=$(command -v java 2>/dev/null || true)
  [ -n "$exe" ] && candidates+=("$exe")
  for exe in ${candidates[@]+"${candidates[@]}"}; do
    v=$(java_version "$exe")
    if [ -n "$v" ] && [ "$v" -ge 17 ]; then
      echo "Infisical (portable): Java $v at $exe"
      output found true
      output java "$exe"
      return 0
    fi
  done
  echo "Infisical (portable): no Java 17 or newer on this runner; actions/setup-java will install one"
  output found false
}

# owner/repo and ref of this action, from its folder: <runner>/_actions/<owner>/<repo>/<ref>/portable.
action_ref() {
  local path
  path=$(native_path "${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set}")
  path=${path//\\//}
  if [[ "$path" =~ /_actions/([^/]+)/([^/]+)/([^/]+)/portable/?$ ]]; then
    printf '%s/%s %s\n' "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}" "${BASH_REMATCH[3]}"
  fi
}

sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d' ' -f1
  else shasum -a 256 "$1" | cut -d' ' -f1; fi
}

fetch() {
  local given=${INFISICAL_JAR:-} lock dir tag sha url ref repo got
  if [ -n "$given" ]; then
    [ -f "$(shell_path "$given")" ] || die "input 'jar': no file at $given"
    echo "Infisical (portable): using the given jar $given (not checked against a release)"
    output jar "$(native_path "$given")"
    return 0
  fi
  lock="$(shell_path "$GITHUB_ACTION_PATH")/jar.lock"
  [ -f "$lock" ] || die "this revision of the portable action has no released jar (portable/jar.lock is made by the release workflow): use OWNER/REPO/portable@vX or a release tag, or give the input 'jar'"
  read -r tag sha < "$lock" || true
  [[ "$tag" =~ ^v[0-9]+\.[0-9]+\.[0-9]+$ ]] && [[ "$sha" =~ ^[0-9a-f]{64}$ ]] \
    || die "portable/jar.lock is malformed (expected 'vX.Y.Z <sha256>')"
  ref=$(action_ref)
  repo=${ref%% *}
  [ -n "$repo" ] || repo=${GITHUB_REPOSITORY:?}
  dir=$(work_dir)
  if [ ! -f "$dir/$sha.jar" ] || [ "$(sha256_of "$dir/$sha.jar")" != "$sha" ]; then
    url="${INFISICAL_PORTABLE_DOWNLOAD_BASE:-${GITHUB_SERVER_URL:-https://github.com}/$repo/releases/download}/$tag/infisical-action.jar"
    echo "Infisical (portable): downloading $url"
    curl -fsSL --retry 3 --retry-delay 2 --connect-timeout 20 --max-time 300 -o "$dir/download.jar" "$url" \
      || die "could not download $url"
    got=$(sha256_of "$dir/download.jar")
    if [ "$got" != "$sha" ]; then
      rm -f "$dir/download.jar"
      die "the downloaded jar's sha256 is $got, but portable/jar.lock of $tag says $sha: not running it"
    fi
    mv -f "$dir/download.jar" "$dir/$sha.jar"
  fi
  echo "Infisical (portable): infisical-action.jar $tag, sha256 $sha (checked)"
  output jar "$(native_path "$dir/$sha.jar")"
}

run_jar() {
  local java=${INFISICAL_JAVA:?} jar=${INFISICAL_JAR_PATH:?}
  local -a unset=()
  local v
  for v in ${JVM_OPTION_VARS[@]+"${JVM_OPTION_VARS[@]}"}; do unset+=(-u "$v"); done
  env ${unset[@]+"${unset[@]}"} "$(shell_path "$java")" ${JVM_FLAGS[@]+"${JVM_FLAGS[@]}"} \
    -jar "$(native_path "$jar")" ${1+"$@"}
}

main_step() {
  local dir state rc
  dir=$(work_dir)
  # for `cleanup`, a later step: which java and jar to run
  printf '%s\n' "$INFISICAL_JAVA" > "$dir/java"
  printf '%s\n' "$INFISICAL_JAR_PATH" > "$dir/jar"
  state=$(mktemp "$dir/state.XXXXXX")
  set +e
  GITHUB_STATE=$(native_path "$state") run_jar
  rc=$?
  set -e
  if [ -s "$state" ]; then
    printf '%s' "${GITHUB_ACTION:-}" > "$state.action"
  else
    rm -f "$state"
  fi
  return "$rc"
}

# `name<<delimiter` / value / `delimiter` records of a file command; prints the value of $2.
state_value() {
  awk -v want="$2" '
    delim != "" { if ($0 == delim) { delim = ""; next } if (name == want) { if (n++) printf "\n"; printf "%s", $0 } next }
    /<</ { i = index($0, "<<"); name = substr($0, 1, i - 1); delim = substr($0, i + 2); n = 0; next }
    /=/ { i = index($0, "="); if (substr($0, 1, i - 1) == want) printf "%s", substr($0, i + 1) }' "$1"
}

# The names of the records in a file command.
state_names() {
  awk 'delim != "" { if ($0 == delim) delim = ""; next }
       /<</ { i = index($0, "<<"); print substr($0, 1, i - 1); delim = substr($0, i + 2); next }
       /=/ { print substr($0, 1, index($0, "=") - 1) }' "$1"
}

cleanup() {
  local dir state file rc=0
  dir=$(work_dir)
  shopt -s nullglob
  local -a states=()
  local f
  for f in "$dir"/state.*; do [[ "$f" == *.action ]] || states+=("$f"); done
  if [ ${#states[@]} -eq 0 ]; then
    echo "Infisical (portable): nothing to clean up"
    return 0
  fi
  INFISICAL_JAVA=$(cat "$dir/java")
  INFISICAL_JAR_PATH=$(cat "$dir/jar")
  local name value
  local -a names assign
  for state in ${states[@]+"${states[@]}"}; do
    # as the runner does for a post step: STATE_<name> for every record the main step saved, and the
    # main step's own GITHUB_ACTION (the step the record is bound to)
    names=()
    while IFS= read -r name; do names+=("$name"); done < <(state_names "$state")
    assign=()
    for name in ${names[@]+"${names[@]}"}; do
      value=$(state_value "$state" "$name")
      assign+=("STATE_$name=$value")
    done
    [ -f "$state.action" ] && assign+=("GITHUB_ACTION=$(cat "$state.action")")
    if [ ${#assign[@]} -gt 0 ]; then
      env ${assign[@]+"${assign[@]}"} INFISICAL_JAVA="$INFISICAL_JAVA" INFISICAL_JAR_PATH="$INFISICAL_JAR_PATH" \
        bash "${BASH_SOURCE[0]}" post || rc=1
    fi
    rm -f "$state" "$state.action"
  done
  return "$rc"
}

case "${1:-}" in
  find-java) find_java ;;
  fetch) fetch ;;
  main) main_step ;;
  cleanup) cleanup ;;
  post) run_jar post ;;  # internal: one post run with the STATE_ variables cleanup set
  *) echo "usage: run.sh find-java|fetch|main|cleanup" >&2; exit 2 ;;
esac
