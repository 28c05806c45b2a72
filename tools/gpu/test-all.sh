#!/usr/bin/env bash
# On the GPU machine: every test assembly through Oompa.TestRunner, in parallel, logs under ${OUT:-/tmp}/.
# Prints each assembly's summary and the summed "N passed, N failed, N skipped" line last.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source tools/gpu/env.sh
logs="${OUT:-/tmp}"
pids=()
for dll in tests/*/bin/Release/net10.0/Oompa.*Tests.dll; do
  name="$(basename "$dll" .dll)"
  timeout "${OOMPA_TEST_TIMEOUT:-420}" dotnet tools/TestRunner/bin/Release/net10.0/Oompa.TestRunner.dll "$@" "$dll" \
    >"$logs/$name.log" 2>&1 &
  pids+=($!)
done
status=0
for p in "${pids[@]}"; do wait "$p" || status=1; done
passed=0 failed=0 skipped=0
for log in "$logs"/Oompa.*Tests.log; do
  grep -E '^  (FAIL|ERROR|CLEANUP)' -A3 "$log" | head -40
  line="$(grep -E '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$log" | tail -1)"
  if [[ -z "$line" ]]; then echo "$(basename "$log"): no result (timed out or crashed)"; tail -5 "$log"; status=1; continue; fi
  echo "$(basename "$log" .log): $line $(grep -oE 'in [0-9.]+ s$' "$log" | tail -1)"
  read -r p _ f _ s _ <<<"${line//,/}"
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
done
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
