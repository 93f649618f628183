#!/usr/bin/env bash
# .github/scripts/release-tags-test.sh — the moving tags of a release only go forward. Offline:
#   1. release-tags.sh on a table of existing tags (backports, 1.10 after 1.9, pre-releases, a re-run...);
#   2. release.yml's "Names and tags" (image job) and "Move vX.Y.Z and vX" (release job) steps, as written
#      there, in throw-away clones whose origin is a local bare repository holding earlier release tags:
#      v1.3.0 then the backport v1.2.5 pushes image tags 1.2.5 and 1.2 only and leaves v1 on v1.3.0;
#      v1.3.1 moves 1.3, 1 and v1;
#   3. the workflow's concurrency group is one per repository, never cancelled, and the GitHub release's
#      "Latest" mark follows the decision.
# Needs git, GNU sort, python3 with PyYAML. Prints "N passed, N failed"; exit 1 on any failure.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WF="$ROOT/.github/workflows/release.yml"
T=$(mktemp -d /tmp/release-tags-test.XXXXXX)
trap 'rm -rf "$T"' EXIT
pass=0; failed=0
ok()  { echo "PASS: $*"; pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; failed=$((failed + 1)); }

# --- 1. the decision ------------------------------------------------------------------------------------
# decide <tag> <existing tags, space separated>: latest-minor/latest-major/latest as "m M L" (t/f)
decide() {
  printf '%s\n' $2 | bash "$ROOT/.github/scripts/release-tags.sh" "$1" \
    | sed -n 's/^latest-minor=\(.\).*/\1/p; s/^latest-major=\(.\).*/\1/p; s/^latest=\(.\).*/\1/p' | tr '\n' ' ' | sed 's/ $//'
}
check() {  # check <expected "m M L"> <tag> <existing> <what>
  local got
  got=$(decide "$2" "$3")
  [ "$got" = "$1" ] && ok "$4: $2 after [$3] -> minor/major/latest $got" || bad "$4: $2 after [$3]: got '$got', want '$1'"
}
check "t t t" v1.0.0 ""                                   "first release"
check "t t t" v1.3.0 "v1.2.4 v1.0.0 v1.3.0"               "a new minor"
check "t f f" v1.2.5 "v1.2.4 v1.3.0 v1.2.5"               "backport to 1.2 after 1.3.0"
check "f f f" v1.2.5 "v1.2.10 v1.3.0"                     "backport below a higher 1.2 (sort -V, not text order)"
check "t t t" v1.10.0 "v1.9.3 v1.2.0"                      "1.10.0 after 1.9.3 (sort -V)"
check "t t f" v1.4.1 "v1.4.0 v2.0.0 v10.0.0"              "the newest 1.x while 2.x exists: v1 moves, Latest does not"
check "t t t" v2.0.0 "v1.9.9 v10-old v1"                  "moving tags and other names are ignored"
check "t t t" v1.3.0 "v1.3.0 v1.4.0-rc.1 v1.4.0-beta"      "pre-release tags are ignored"
check "t t t" v1.3.0 "refs/tags/v1.2.0 refs/tags/v1.3.0"  "refs/tags/ names are read too"
check "t t t" v1.3.0 "v1.3.0 v1.3.0"                      "a re-run of the newest release moves the tags again"
check "t t f" v3.0.0 "v30.0.0 v3.0.0"                     "v30 is not in the v3 series"
out=$(bash "$ROOT/.github/scripts/release-tags.sh" v1.2.3 </dev/null)
[ "$(printf '%s\n' "$out" | sed -n 's/^version=//p; s/^major=//p; s/^minor=//p' | tr '\n' ' ')" = "1.2.3 1 1.2 " ] \
  && ok "version/major/minor: 1.2.3 1 1.2" || bad "names: $out"
for t in v1.2 1.2.3 v1.2.3-rc.1 "v1.2.3 "; do
  bash "$ROOT/.github/scripts/release-tags.sh" "$t" </dev/null >/dev/null 2>&1; rc=$?
  [ "$rc" = 2 ] && ok "'$t' is refused (exit 2)" || bad "'$t': exit $rc"
done

# --- 2. the workflow's steps, as written ---------------------------------------------------------------
step_of() {  # step_of <job> <step name prefix>
  python3 - "$WF" "$1" "$2" <<'PY'
import sys, yaml
wf = yaml.safe_load(open(sys.argv[1]))
print(next(s["run"] for s in wf["jobs"][sys.argv[2]]["steps"] if s.get("name", "").startswith(sys.argv[3])))
PY
}
step_of image "Names and tags" > "$T/names.sh" || bad "no 'Names and tags' step in the image job"
step_of release "Move vX.Y.Z and vX" > "$T/move.sh" || bad "no 'Move vX.Y.Z and vX' step in the release job"

# origin: a bare repository with releases v1.2.4 and v1.3.0 (each on its own commit) and v1 on v1.3.0
git init -q --bare "$T/origin.git"
git clone -q "$T/origin.git" "$T/seed" 2>/dev/null
commit() { git -C "$1" -c user.name=t -c user.email=t@t commit -q --allow-empty -m "$2"; }
commit "$T/seed" base; git -C "$T/seed" tag v1.2.4
commit "$T/seed" "1.3.0"; git -C "$T/seed" tag v1.3.0; git -C "$T/seed" tag v1
git -C "$T/seed" push -q origin HEAD:refs/heads/main --tags
V130=$(git -C "$T/seed" rev-parse v1.3.0)

# release <tag>: push the tag (on a new commit), run both steps in a fresh clone as the jobs do
release() {
  local tag=$1 dir="$T/run-$1"
  commit "$T/seed" "source of $tag"; git -C "$T/seed" tag "$tag"; git -C "$T/seed" push -q origin "refs/tags/$tag"
  git clone -q "$T/origin.git" "$dir" 2>/dev/null && git -C "$dir" -c advice.detachedHead=false checkout -q "$tag"
  # the scripts the step calls come from the checkout: use this repository's
  mkdir -p "$dir/.github/scripts"; cp "$ROOT/.github/scripts/release-tags.sh" "$dir/.github/scripts/"
  : > "$dir.out"
  (cd "$dir" && TAG=$tag REPOSITORY=Acme/Infisical-CI GITHUB_OUTPUT="$dir.out" bash -e "$T/names.sh") > "$dir.names.log" 2>&1 \
    || { bad "$tag: 'Names and tags' failed: $(tail -3 "$dir.names.log")"; return; }
  commit "$dir" "Release $tag"   # the release commit
  (cd "$dir" && TAG=$tag LATEST_MAJOR=$(sed -n 's/^latest-major=//p' "$dir.out") bash -e "$T/move.sh") > "$dir.move.log" 2>&1 \
    || bad "$tag: 'Move' failed: $(tail -3 "$dir.move.log")"
  RELEASE_COMMIT=$(git -C "$dir" rev-parse HEAD)
}
origin_tag() { git -C "$T/origin.git" rev-parse "refs/tags/$1^{commit}"; }
I=ghcr.io/acme/infisical-ci

release v1.2.5
[ "$(sed -n 's/^tags=//p' "$T/run-v1.2.5.out")" = "$I:1.2.5,$I:1.2" ] \
  && ok "backport v1.2.5 after v1.3.0: image tags $I:1.2.5,$I:1.2 (not :1)" || bad "v1.2.5 image tags: $(sed -n 's/^tags=//p' "$T/run-v1.2.5.out")"
[ "$(origin_tag v1)" = "$V130" ] && ok "backport v1.2.5: v1 stays on v1.3.0" || bad "v1 moved to $(origin_tag v1) (v1.3.0 is $V130)"
[ "$(origin_tag v1.2.5)" = "$RELEASE_COMMIT" ] && ok "backport v1.2.5: v1.2.5 moved to its release commit" || bad "v1.2.5 not on its release commit"
grep -q '^latest=false$' "$T/run-v1.2.5.out" && ok "backport v1.2.5: latest=false (not GitHub's Latest release)" || bad "v1.2.5: latest not false"

release v1.3.1
[ "$(sed -n 's/^tags=//p' "$T/run-v1.3.1.out")" = "$I:1.3.1,$I:1.3,$I:1" ] \
  && ok "v1.3.1: image tags 1.3.1, 1.3, 1" || bad "v1.3.1 image tags: $(sed -n 's/^tags=//p' "$T/run-v1.3.1.out")"
[ "$(origin_tag v1)" = "$RELEASE_COMMIT" ] && [ "$(origin_tag v1.3.1)" = "$RELEASE_COMMIT" ] \
  && ok "v1.3.1: v1 and v1.3.1 on its release commit" || bad "v1.3.1: v1 is $(origin_tag v1), release commit $RELEASE_COMMIT"

# --- 3. the workflow's structure -----------------------------------------------------------------------
if python3 - "$WF" <<'PY'
import sys, yaml
wf = yaml.safe_load(open(sys.argv[1]))
c = wf["concurrency"]
assert "github.ref" not in c["group"] and "github.repository" in c["group"], c
assert c["cancel-in-progress"] is False, c
PY
then ok "concurrency: one group per repository, cancel-in-progress: false"; else bad "release.yml concurrency is per ref or cancels"; fi
gh_step=$(step_of release "GitHub release")
grep -q -- '--latest="$LATEST"' <<< "$gh_step" && ok "gh release create --latest=\"\$LATEST\"" || bad "the GitHub release does not pass --latest"
python3 - "$WF" <<'PY' && ok "the release job's LATEST_MAJOR and LATEST come from the image job's decision" || bad "release job inputs"
import sys, yaml
wf = yaml.safe_load(open(sys.argv[1]))
o = wf["jobs"]["image"]["outputs"]
assert o["latest-major"] == "${{ steps.names.outputs.latest-major }}" and o["latest"] == "${{ steps.names.outputs.latest }}"
envs = {k: v for s in wf["jobs"]["release"]["steps"] for k, v in s.get("env", {}).items()}
assert envs["LATEST_MAJOR"] == "${{ needs.image.outputs.latest-major }}" and envs["LATEST"] == "${{ needs.image.outputs.latest }}"
PY

echo "$pass passed, $failed failed"
[ "$failed" = 0 ]
