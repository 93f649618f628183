#!/usr/bin/env bash
# .github/scripts/release-tags.sh vX.Y.Z < existing-tags — which moving tags a release may take.
#
# The release workflow pushes the image as X.Y.Z, and moves the image tags X.Y and X and the git tag vX to
# the release. A backport (v1.2.5 after v1.3.0) must not move them backwards: X.Y follows the highest
# vX.Y.* tag, X and vX the highest vX.*.* tag. Existing tags are read from standard input, one per line
# (`git tag -l`, or `refs/tags/...` names); only vN.N.N tags count (anything else, a pre-release such as
# v1.4.0-rc.1 included, is ignored; the workflow releases vN.N.N tags only). The release's own tag counts
# too, so a re-run of the newest release moves the tags again (to the same place).
#
# Writes to standard output, in GITHUB_OUTPUT form:
#   version=X.Y.Z  major=X  minor=X.Y
#   latest-minor=true|false   this release is the highest vX.Y.* tag: move the image tag X.Y
#   latest-major=true|false   this release is the highest vX.*.* tag: move the image tag X and git tag vX
#   latest=true|false         this release is the highest vN.N.N tag of all: GitHub's "Latest" release
# Exit 2 when the argument is not vN.N.N. Needs GNU sort (-V).
set -euo pipefail

tag=${1:-}
[[ "$tag" =~ ^v([0-9]+)\.([0-9]+)\.([0-9]+)$ ]] || { echo "release-tags.sh: '$tag' is not vX.Y.Z" >&2; exit 2; }
major=${BASH_REMATCH[1]}
minor=$major.${BASH_REMATCH[2]}
version=${tag#v}

# vN.N.N tags only (no pre-releases, no vX / vX.Y moving tags), plus this release.
released=$( { sed 's#^refs/tags/##' | grep -E '^v[0-9]+\.[0-9]+\.[0-9]+$' || true; echo "$tag"; } | sort -u)
# the highest released tag of a series: highest 1 -> v1.*.*, highest 1.2 -> v1.2.*
highest() { printf '%s\n' "$released" | grep -E "^v${1//./\\.}\." | sort -V | tail -n 1; }

echo "version=$version"
echo "major=$major"
echo "minor=$minor"
[ "$(highest "$minor")" = "$tag" ] && echo "latest-minor=true" || echo "latest-minor=false"
[ "$(highest "$major")" = "$tag" ] && echo "latest-major=true" || echo "latest-major=false"
[ "$(printf '%s\n' "$released" | sort -V | tail -n 1)" = "$tag" ] && echo "latest=true" || echo "latest=false"
