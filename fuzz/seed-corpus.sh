#!/usr/bin/env bash
# Seeds the fuzzers' corpora from the bundled seeds and, when present, ../shared/corpora
# (copied at run time into fuzz/corpus/, which is not committed).
set -euo pipefail
cd "$(dirname "$0")"
files=(../seeds/*.txt)
if [ -d ../../shared/corpora ]; then
  # A spread of real articles (every 10th), listed once; a process substitution so that
  # head closing early does not fail the script.
  mapfile -t shared < <(find ../../shared/corpora -name '*.txt' | sort | awk 'NR % 10 == 0' | head -300)
  files+=("${shared[@]}")
fi
for target in load clean analyse; do
  mkdir -p "corpus/$target"
  cp "${files[@]}" "corpus/$target/"
done
