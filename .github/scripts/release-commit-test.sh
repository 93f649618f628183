#!/usr/bin/env bash
# .github/scripts/release-commit-test.sh — runs the "Release commit" step of release.yml, as written
# there, in a throw-away clone of this repository's HEAD, with a made-up digest and jar; checks the commit
# it makes: action.yml differs in its image line only, portable/jar.lock is the only other file, and a
# malformed digest makes the step fail without a commit. Needs git, java 17+, python3 with PyYAML.
# Prints "N passed, N failed".
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
T=$(mktemp -d /tmp/release-commit-test.XXXXXX)
trap 'rm -rf "$T"' EXIT
pass=0; failed=0
ok()  { echo "PASS: $*"; pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; failed=$((failed + 1)); }

python3 - "$ROOT/.github/workflows/release.yml" > "$T/step.sh" <<'PY'
import sys, yaml
wf = yaml.safe_load(open(sys.argv[1]))
print(next(s["run"] for s in wf["jobs"]["release"]["steps"] if s.get("name", "").startswith("Release commit")))
PY
mkdir -p "$T/temp/dist"
printf 'jar bytes' > "$T/temp/dist/infisical-action.jar"
(cd "$T/temp/dist" && sha256sum infisical-action.jar > infisical-action.jar.sha256)
SHA=$(cut -d' ' -f1 "$T/temp/dist/infisical-action.jar.sha256")
DIGEST=sha256:$(printf '%064d' 7 | tr 0 c)

release() {  # release <clone dir> <digest>
  git clone -q "$ROOT" "$1" && git -C "$1" -c advice.detachedHead=false checkout -q "$(git -C "$ROOT" rev-parse HEAD)"
  (cd "$1" && TAG=v1.2.3 IMAGE=ghcr.io/acme/infisical-ci DIGEST=$2 RUNNER_TEMP="$T/temp" bash -e "$T/step.sh") > "$1.log" 2>&1
}

if release "$T/good" "$DIGEST"; then ok "the step ran"; else bad "the step failed: $(tail -5 "$T/good.log")"; fi
changed=$(git -C "$T/good" diff --name-only HEAD~1 HEAD | tr '\n' ' ')
[ "$changed" = "action.yml portable/jar.lock " ] && ok "the release commit changes action.yml and portable/jar.lock only" || bad "changed: $changed"
diff_lines=$(git -C "$T/good" diff -U0 HEAD~1 HEAD -- action.yml | grep -E '^[-+] ' | tr '\n' '|')
[ "$diff_lines" = "-  image: Dockerfile|+  image: docker://ghcr.io/acme/infisical-ci@$DIGEST|" ] \
  && ok "action.yml: only 'image: Dockerfile' -> 'image: docker://ghcr.io/acme/infisical-ci@$DIGEST'" || bad "action.yml diff: $diff_lines"
[ "$(cat "$T/good/portable/jar.lock")" = "v1.2.3 $SHA" ] && ok "portable/jar.lock: v1.2.3 <jar sha256>" || bad "jar.lock: $(cat "$T/good/portable/jar.lock")"

if release "$T/bad" "sha256:NOT-A-DIGEST"; then bad "a malformed digest passed"; else
  grep -q "malformed digest" "$T/bad.log" && ok "a malformed digest fails the step: $(grep -m1 'malformed digest' "$T/bad.log" | cut -c1-80)..." || bad "failed, but not on the digest: $(tail -3 "$T/bad.log")"
fi
[ "$(git -C "$T/bad" rev-parse HEAD)" = "$(git -C "$ROOT" rev-parse HEAD)" ] && ok "no commit after the failure" || bad "a commit was made"

echo "$pass passed, $failed failed"
[ "$failed" = 0 ]
