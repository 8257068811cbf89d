#!/usr/bin/env bash
# Check the articles a push added or changed against every article checked before.
#
#   check-new-articles.sh [BASE_REV] [ARTICLES_DIR]
#
# BASE_REV: the commit before the push (default HEAD^; on a first run, the empty tree).
# ARTICLES_DIR: where articles live in the repository (default articles/).
# Environment:
#   CHECKER_STORE    the store of every article seen (default .checker/claims.sqlite): cache
#                    it between runs, and save it when the job fails too
#   CHECKER_FAIL_ON  low|medium|high|never (default high)
#   CHECKER_OUT      where the reports go (default checker-out)
#   CHECKER_REVIEWS  the reviews file `checker review` writes (default checker-reviews.json;
#                    used when it exists): dismissed findings are reported but never fail
#   CHECKER_STRICT   1 (default): an article file that cannot be read fails the job; 0: it
#                    is reported and the job goes on
#
# Writes report.html, findings.json, summary.md, junit.xml and checker.sarif to CHECKER_OUT,
# even when the check fails; on GitHub Actions, also prints one annotation per finding
# (file and line). Exits with checker's status: 0 clean, 1 a finding reached the threshold,
# 2 nothing or not all was checked (see the README's exit-status table). Used by
# github-actions.yml and gitlab-ci.yml beside it.
set -uo pipefail

base="${1:-HEAD^}"
dir="${2:-articles}"
out="${CHECKER_OUT:-checker-out}"
store="${CHECKER_STORE:-.checker/claims.sqlite}"
reviews="${CHECKER_REVIEWS:-checker-reviews.json}"
mkdir -p "$out"

if ! git rev-parse --verify --quiet "$base^{commit}" >/dev/null; then
  base=$(git hash-object -t tree /dev/null)  # first push: everything is new
fi
mapfile -t new < <(git diff --name-only --diff-filter=AMR "$base" HEAD -- "$dir")
if [ "${#new[@]}" -eq 0 ]; then
  echo "checker: no new or changed articles under $dir/" | tee "$out/summary.md"
  exit 0
fi

args=(--store "$store" --fail-on "${CHECKER_FAIL_ON:-high}")
[ "${CHECKER_STRICT:-1}" = 1 ] && args+=(--strict)
[ -f "$reviews" ] && args+=(--reviews "$reviews")
if [ "${GITHUB_ACTIONS:-}" = true ]; then
  args+=(--format github)  # workflow commands on stdout: annotations on file and line
else
  args+=(--format text)
fi

checker check "${new[@]}" "${args[@]}" \
  --html "$out/report.html" \
  --json "$out/findings.json" \
  --md "$out/summary.md" \
  --junit "$out/junit.xml" \
  --sarif "$out/checker.sarif"
