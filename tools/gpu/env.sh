# Sourced on the GPU machine from the repository root: unpacks .devcarry/ (see pack.sh) and sets the environment so
# that OpenCL finds the vendor's GPU driver (and pocl where the image has it). See docs/gpu-machines.md.
export OOMPA_GPU_ROOT=/tmp/oompa-gpu
mkdir -p "$OOMPA_GPU_ROOT/dotnet" "$OOMPA_GPU_ROOT/cache"
[[ -x "$OOMPA_GPU_ROOT/dotnet/dotnet" ]] || xz -dc .devcarry/dotnet.tar.xz | tar -C "$OOMPA_GPU_ROOT/dotnet" -xf -
[[ -f tools/TestRunner/bin/Release/net10.0/Oompa.TestRunner.dll ]] || xz -dc .devcarry/build.tar.xz | tar -xf -
export DOTNET_ROOT="$OOMPA_GPU_ROOT/dotnet" PATH="$OOMPA_GPU_ROOT/dotnet:$PATH"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export LD_LIBRARY_PATH="$PWD/.devcarry/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
# The NVIDIA driver library (the image has libnvidia-opencl but no .icd file for it) and the image's own ICDs whose
# library resolves (pocl): the GPU is the default device (OpenClDeviceSelection), pocl stays for the tests that ask
# for it. OCL_ICD_FILENAMES takes the libraries directly, whichever ICD loader libOpenCL.so.1 is.
icds=libnvidia-opencl.so.1
for f in /etc/OpenCL/vendors/*.icd; do
  [[ -f $f ]] || continue
  lib="$(head -1 "$f")"
  [[ -e $lib ]] || lib="$(find /usr/lib /lib /usr/local/lib -name "$(basename "$lib")" 2>/dev/null | head -1)"
  [[ -n $lib ]] && icds="$icds:$lib"
done
export OCL_ICD_FILENAMES="$icds"
unset OCL_ICD_VENDORS
export OOMPA_CACHE_DIR="$OOMPA_GPU_ROOT/cache" POCL_CACHE_DIR="$OOMPA_GPU_ROOT/cache/pocl"
export OOMPA_SHARED_DIR="$PWD/.devcarry"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
oompa_cli() { dotnet src/Cli/bin/Release/net10.0/oompa.dll "$@"; }
oompa_bench() { dotnet benchmarks/Oompa.Benchmarks/bin/Release/net10.0/Oompa.Benchmarks.dll "$@"; }
oompa_tests() { dotnet tools/TestRunner/bin/Release/net10.0/Oompa.TestRunner.dll "$@"; }
