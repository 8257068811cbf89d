#!/usr/bin/env bash
# Check the articles a push added or changed against every article checked before.
#
#   check-new-articles.sh [BASE_REV] [ARTICLES_DIR]
#
# BASE_REV: the commit before the push (default HEAD^; on a first run, the empty tree).
# ARTICLES_DIR: where articles live in the repository (default articles/).
# Environment: CHECKER_STORE (default .checker/claims.sqlite, cache it between runs),
# CHECKER_FAIL_ON (low|medium|high|never, default high), CHECKER_OUT (default checker-out).
#
# Writes report.html, findings.json, summary.md and junit.xml to CHECKER_OUT, even when the
# check fails, and exits with checker's status: 0 clean, 1 a finding reached the threshold,
# 2 bad input. Used by github-actions.yml and gitlab-ci.yml beside it.
set -uo pipefail

base="${1:-HEAD^}"
dir="${2:-articles}"
out="${CHECKER_OUT:-checker-out}"
store="${CHECKER_STORE:-.checker/claims.sqlite}"
mkdir -p "$out"

if ! git rev-parse --verify --quiet "$base^{commit}" >/dev/null; then
  base=$(git hash-object -t tree /dev/null)  # first push: everything is new
fi
mapfile -t new < <(git diff --name-only --diff-filter=AMR "$base" HEAD -- "$dir")
if [ "${#new[@]}" -eq 0 ]; then
  echo "checker: no new or changed articles under $dir/" | tee "$out/summary.md"
  exit 0
fi

checker check "${new[@]}" \
  --store "$store" \
  --fail-on "${CHECKER_FAIL_ON:-high}" \
  --format html -o "$out/report.html" \
  --json "$out/findings.json" \
  --md "$out/summary.md" \
  --junit "$out/junit.xml"
