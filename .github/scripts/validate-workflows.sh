#!/usr/bin/env bash
# .github/scripts/validate-workflows.sh — schema check of the workflows and action metadata, offline
# after a one-time install of two npm packages (exact versions, into $VALIDATOR_DIR, default
# ~/.cache/workflow-validators): @action-validator/cli 0.6.0 and @actions/workflow-parser 0.3.61.
#   - every .github/workflows/*.yml with GitHub's own workflow parser (@actions/workflow-parser);
#   - the same workflows, action.yml, portable/action.yml, portable/cleanup/action.yml against
#     action-validator's JSON schemas. Its workflow schema predates the `attestations` permission
#     (which actions/attest-build-provenance needs and GitHub's parser accepts), so it sees each workflow
#     with `attestations: write` lines left out;
#   - a deliberately broken workflow and action must be rejected (the validator really checks);
#   - portable/action.yml is up to date with action.yml's inputs (portable/generate.py --check);
#   - .github/dependabot.yml names the three ecosystems (maven, github-actions, docker);
#   - ci.yml runs every `bash <script>` that .ci/run runs (this one, the release and portable tests);
#   - image.yml's pull_request paths take in every pom.xml (the image's Maven reactor reads them all);
#   - actions from other repositories are pinned by commit SHA with a `# vX.Y.Z` comment;
#   - the Dockerfile's external base images are pinned by digest (tag@sha256:<64 hex>).
# Prints "N passed, N failed"; exit 1 on any failure.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DIR=${VALIDATOR_DIR:-$HOME/.cache/workflow-validators}
AV="$DIR/node_modules/.bin/action-validator"
HERE="$ROOT/.github/scripts"
pass=0; failed=0
ok()  { echo "PASS: $*"; pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; failed=$((failed + 1)); }

if [ ! -x "$AV" ] || [ ! -d "$DIR/node_modules/@actions/workflow-parser" ]; then
  mkdir -p "$DIR"
  npm install --no-audit --no-fund --silent --prefix "$DIR" @action-validator/cli@0.6.0 @actions/workflow-parser@0.3.61 >/dev/null \
    || { echo "could not install the validators with npm"; exit 2; }
fi
# the .mjs files resolve @actions/workflow-parser from $DIR
cp "$HERE/workflow-parser-check.mjs" "$HERE/json-import-hooks.mjs" "$DIR/"

cd "$ROOT"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
while IFS= read -r line; do
  case $line in ok\ *) ok "GitHub workflow parser: ${line#ok }" ;; FAIL\ *) bad "GitHub workflow parser: ${line#FAIL }" ;; *) echo "$line" ;; esac
done < <(node --no-warnings --import "$DIR/json-import-hooks.mjs" "$DIR/workflow-parser-check.mjs" .github/workflows/*.yml 2>&1)
printf 'name: broken\non: push\njobs:\n  a:\n    runs-on: x\n    permissions:\n      attestationz: write\n    steps:\n      - run: true\n' > "$tmp/perm.yml"
node --no-warnings --import "$DIR/json-import-hooks.mjs" "$DIR/workflow-parser-check.mjs" "$tmp/perm.yml" >/dev/null 2>&1 \
  && bad "GitHub workflow parser accepted a misspelt permission" || ok "GitHub workflow parser rejects a misspelt permission (attestationz)"

for f in .github/workflows/*.yml action.yml portable/action.yml portable/cleanup/action.yml; do
  mkdir -p "$tmp/$(dirname "$f")"
  grep -v '^ *attestations: write' "$f" > "$tmp/$f"
  if out=$("$AV" "$tmp/$f" 2>&1); then ok "action-validator: $f"; else bad "action-validator: $f"; echo "$out" | head -20; fi
done

printf 'name: broken\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz:\n      - run: true\n' > "$tmp/broken.yml"
"$AV" "$tmp/broken.yml" >/dev/null 2>&1 && bad "a broken workflow passed the validator" || ok "a broken workflow (stepz:) is rejected"
printf 'name: broken\ndescription: x\nruns:\n  using: composite\n  steps:\n    - run: echo no shell\n' > "$tmp/action.yml"
"$AV" "$tmp/action.yml" >/dev/null 2>&1 && bad "a composite step without shell passed the validator" || ok "a composite run step without shell: is rejected"

if out=$(python3 portable/generate.py --check 2>&1); then ok "$out"; else bad "$out"; fi

if python3 - <<'PY'
import sys, yaml
d = yaml.safe_load(open(".github/dependabot.yml"))
eco = {u["package-ecosystem"] for u in d["updates"]}
sys.exit(0 if d.get("version") == 2 and {"maven", "github-actions", "docker"} <= eco else 1)
PY
then ok "dependabot.yml: maven, github-actions, docker"; else bad "dependabot.yml lacks an ecosystem"; fi

# CI on GitHub runs the same script checks as .ci/run: each `bash <script>` line of .ci/run is a run step
# of ci.yml (a check added to one and not the other fails here).
if out=$(python3 - <<'PY'
import re, sys, yaml
wanted = re.findall(r"^bash (\S+\.sh)\s*$", open(".ci/run").read(), re.M)
ci = yaml.safe_load(open(".github/workflows/ci.yml"))
runs = {s.get("run", "").strip() for j in ci["jobs"].values() for s in j.get("steps", [])}
missing = [w for w in wanted if "bash " + w not in runs]
print(("missing in ci.yml: " + " ".join(missing)) if missing or not wanted else " ".join(wanted))
sys.exit(1 if missing or not wanted else 0)
PY
); then ok "ci.yml runs what .ci/run runs: $out"; else bad "ci.yml and .ci/run differ: $out"; fi

# image.yml's pull_request paths (GitHub's glob: * within a folder, ** across folders) take in every
# pom.xml of the repository: the Dockerfile copies all of them into its Maven reactor.
if out=$(python3 - <<'PY'
import re, subprocess, sys, yaml
def rx(glob):
    out, i = "", 0
    while i < len(glob):
        if glob.startswith("**/", i): out += "(?:.*/)?"; i += 3
        elif glob.startswith("**", i): out += ".*"; i += 2
        elif glob[i] == "*": out += "[^/]*"; i += 1
        else: out += re.escape(glob[i]); i += 1
    return re.compile(out + r"\Z")
wf = yaml.safe_load(open(".github/workflows/image.yml"))
paths = [rx(p) for p in wf[True]["pull_request"]["paths"]]   # PyYAML reads the key `on` as True
poms = [f for f in subprocess.run(["git", "ls-files", "pom.xml", "*/pom.xml"], capture_output=True, text=True).stdout.split() if f]
missed = [f for f in poms if not any(p.match(f) for p in paths)]
print(("not matched: " + " ".join(missed)) if missed or not poms else f"{len(poms)} POMs")
sys.exit(1 if missed or not poms else 0)
PY
); then ok "image.yml paths take in every pom.xml ($out)"; else bad "image.yml paths miss POMs: $out"; fi

# Actions from other repositories are pinned by full commit SHA with the version as a comment
# (`uses: owner/repo@<40 hex>  # vX.Y.Z`, which Dependabot updates): a tag can be moved under a job that
# holds write permissions. Local actions (./...) and docker:// images are not concerned.
loose=$(grep -nE '^[[:space:]]*(-[[:space:]]+)?uses:' .github/workflows/*.yml action.yml portable/action.yml portable/cleanup/action.yml \
  | grep -vE 'uses:[[:space:]]+(\./|docker://)' \
  | grep -vE 'uses:[[:space:]]+[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}[[:space:]]+#[[:space:]]+v[0-9]+\.[0-9]+\.[0-9]+[[:space:]]*$' || true)
[ -z "$loose" ] && ok "every external action is pinned by commit SHA (# vX.Y.Z)" || bad "actions not pinned by SHA: $loose"

unpinned=$(grep -E '^FROM ' Dockerfile | grep -vE '^FROM (--platform=[^ ]+ )?(scratch|[^ ]+:[^ @ ]+@sha256:[0-9a-f]{64})( |$)' || true)
[ -z "$unpinned" ] && ok "Dockerfile: every base image is tag@sha256:digest" || bad "Dockerfile base images not pinned by digest: $unpinned"

echo "$pass passed, $failed failed"
[ "$failed" = 0 ]
