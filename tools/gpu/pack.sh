#!/usr/bin/env bash
# Packs what a machine with a GPU but no .NET SDK needs to run Oompa's tests and benchmarks into .devcarry/ (ignored
# by git): the .NET runtime, the Release build outputs (tests, test runner, CLI, benchmarks), clFFT and the shared test
# data. Run ./oompa test (or a Release build) first. See docs/gpu-machines.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
out=.devcarry
mkdir -p "$out"
dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
runtime="$(ls -d "$dotnet_root"/shared/Microsoft.NETCore.App/* | sort -V | tail -1)"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/dotnet/host" "$stage/dotnet/shared/Microsoft.NETCore.App"
cp "$dotnet_root/dotnet" "$stage/dotnet/"
cp -r "$dotnet_root/host/fxr" "$stage/dotnet/host/"
cp -r "$runtime" "$stage/dotnet/shared/Microsoft.NETCore.App/"
tar -C "$stage/dotnet" -cf - . | xz -9 -T0 > "$out/dotnet.tar.xz"
tar -cf - tests/*/bin/Release/net10.0 tools/TestRunner/bin/Release/net10.0 src/Cli/bin/Release/net10.0 \
    benchmarks/Oompa.Benchmarks/bin/Release/net10.0 | xz -9e -T1 --lzma2=preset=9e,dict=192MiB > "$out/build.tar.xz"
(cd "$stage" && apt-get download libclfft2 >/dev/null && dpkg -x libclfft2_*.deb clfft)
mkdir -p "$out/lib"
cp -L "$stage"/clfft/usr/lib/x86_64-linux-gnu/libclFFT.so.2 "$out/lib/"
rm -rf "$out/data" && cp -r --no-preserve=mode ../shared/data "$out/data"
du -sh "$out"/*
