#!/usr/bin/env bash
# One GPU-machine session: device info, the whole test suite on the GPU, the demo with every backend and the
# benchmarks that have a GPU part. Logs go to ${OUT:-/tmp}/gpu-logs.tar.gz (at most 8 files come back from a run).
# Steps are bounded with timeout so the session ends inside a 10-minute call.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source tools/gpu/env.sh
logs="$OOMPA_GPU_ROOT/logs"; mkdir -p "$logs"
step() { local name="$1" limit="$2"; shift 2; echo "== $name"; local t0=$SECONDS
  timeout "$limit" "$@" >"$logs/$name.log" 2>&1; local rc=$?; echo "   rc=$rc $((SECONDS - t0)) s"; tail -"${TAILN:-6}" "$logs/$name.log"; }
what="${1:-all}"
bench=(dotnet benchmarks/Oompa.Benchmarks/bin/Release/net10.0/Oompa.Benchmarks.dll)
if [[ $what == all || $what == tests ]]; then
  step info 60 dotnet src/Cli/bin/Release/net10.0/oompa.dll info
  OUT="$logs" TAILN=40 step tests 300 bash tools/gpu/test-all.sh
fi
if [[ $what == all || $what == demo ]]; then
  # auto twice: the second run starts from the performance models the first one saved. Traces: OOMPA_TRACE.
  for run in auto auto2 opencl cpu; do
    OOMPA_TRACE="$logs/trace-$run.json" step "demo-$run" 120 dotnet src/Cli/bin/Release/net10.0/oompa.dll demo --backend "${run%2}" --out "$logs/demo-$run"
  done
  rm -f "$logs"/demo-*/*.mrc*
fi
if [[ $what == all || $what == bench ]]; then
  TAILN=30 step bench-opencl 150 "${bench[@]}" opencl --size 2048
  TAILN=12 step bench-reconstruct 200 "${bench[@]}" reconstruct --backend all
  TAILN=14 step bench-tuner 200 "${bench[@]}" tuner --size 1024
fi
if [[ $what == flex ]]; then
  TAILN=12 step bench-flexalign-cpu 280 "${bench[@]}" flexalign
  TAILN=12 step bench-flexalign-auto 280 "${bench[@]}" flexalign --backend auto
fi
tar -C "$logs" -czf "${OUT:-/tmp}/gpu-logs-$what.tar.gz" .
