#!/usr/bin/env bash
# Newcomer end-to-end test: on a copy of the tracked files (as a fresh clone has them), runs the
# README's walkthrough and its "verify without Veedor" commands exactly as written there, then
# imports the published report as the OGP team would. Any failing command fails the script.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
readme="$root/README.md"

# The set-up lines the walkthrough starts from must be in the README as they are used here.
for line in 'swift run veedor demo' 'swift test' 'swift build' 'export PATH="$PWD/.build/debug:$PATH"'; do
  grep -qxF -- "$line" "$readme" || { echo "e2e: README no longer says: $line" >&2; exit 1; }
done
(cd "$root" && swift build -q)
echo "e2e: the README's first command"
(cd "$root" && swift run -q veedor demo >/dev/null)

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/repo" "$tmp/home"
(cd "$root" && git ls-files -z | xargs -0 cp --parents -t "$tmp/repo")
ln -s "$root/.build" "$tmp/repo/.build"
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config"

# The lines between <!-- NAME:start --> and <!-- NAME:end --> in the README, without the fences.
block() { awk -v name="$1" '$0 == "<!-- " name ":start -->" {f=1; next} $0 == "<!-- " name ":end -->" {f=0} f' "$readme" | grep -v '^```'; }

cd "$tmp/repo"
export PATH="$PWD/.build/debug:$PATH"
walkthrough="$(block e2e)"
replies="$(block e2e-reply)"
forms="$(block e2e-forms)"
cycle="$(block e2e-cycle)"
[ -n "$walkthrough" ] || { echo "e2e: no walkthrough block in the README" >&2; exit 1; }
[ -n "$replies" ] || { echo "e2e: no reply block in the README" >&2; exit 1; }
[ -n "$forms" ] || { echo "e2e: no forms block in the README" >&2; exit 1; }
[ -n "$cycle" ] || { echo "e2e: no monitoring-cycle block in the README" >&2; exit 1; }
# The reply, forms and cycle blocks continue in the walkthrough's shell ("still in penalolen").
walkthrough="$walkthrough"$'\n'"$replies"$'\n'"$forms"$'\n'"$cycle"
echo "e2e: running the README walkthrough ($(grep -c '^veedor' <<<"$walkthrough") veedor commands)"
bash -euo pipefail -c "$walkthrough" >"$tmp/walkthrough.log" 2>&1 || { cat "$tmp/walkthrough.log" >&2; exit 1; }

echo "e2e: verifying the published report with ssh-keygen, openssl and gpgv as the README shows"
(cd penalolen/published && bash -euo pipefail -c "$(block e2e-verify)")

echo "e2e: importing the published report as the OGP team"
veedor trust add --member CLPLN penalolen/published/keys/monitor.pub --trust trust
veedor trust list --trust trust
veedor import penalolen/published --trust trust --out dataset
test "$(grep -c '^CLPLN' dataset/commitments.csv)" -eq 11
test -s penalolen/site/index.html -a -s penalolen/site/index.en.html
# The monitor's month ends with the quarter's progress report on the site, as the README shows it.
grep -qF 'CLPLN0002: avance 0.0% → 26.7% · actualizaciones de hitos: 1 · atrasados: 0' penalolen/site/progress.html
test -s penalolen/site/progress/progress-2024-Q1/report.json
echo "e2e: passed"
