using System.Runtime.InteropServices;

namespace Oompa.Core.Devices.OpenCl;

/// <summary>The OpenCL 1.2 calls behind the device layer: contexts, queues, buffers, programs, kernels and events.</summary>
internal static unsafe partial class OpenClNative
{
    internal const uint True = 1;
    internal const uint False = 0;

    internal const ulong QueueProfilingEnable = 1 << 1;

    internal const ulong MemReadWrite = 1 << 0;
    internal const ulong MemAllocHostPtr = 1 << 4;

    internal const ulong MapRead = 1 << 0;
    internal const ulong MapWrite = 1 << 1;

    internal const uint ProgramBinarySizes = 0x1165;
    internal const uint ProgramBinaries = 0x1166;
    internal const uint ProgramBuildLog = 0x1183;

    internal const uint KernelWorkGroupSize = 0x11B0;
    internal const uint KernelPreferredWorkGroupSizeMultiple = 0x11B3;
    internal const uint KernelLocalMemSize = 0x11B2;

    internal const uint EventCommandExecutionStatus = 0x11D3;
    internal const uint ProfilingCommandQueued = 0x1280;
    internal const uint ProfilingCommandSubmit = 0x1281;
    internal const uint ProfilingCommandStart = 0x1282;
    internal const uint ProfilingCommandEnd = 0x1283;

    [LibraryImport(LibraryName)]
    internal static partial nint clCreateContext(nint* properties, uint numDevices, nint* devices, nint notify, nint userData, int* errcode);

    [LibraryImport(LibraryName)]
    internal static partial int clReleaseContext(nint context);

    [LibraryImport(LibraryName)]
    internal static partial nint clCreateCommandQueue(nint context, nint device, ulong properties, int* errcode);

    [LibraryImport(LibraryName)]
    internal static partial int clReleaseCommandQueue(nint queue);

    [LibraryImport(LibraryName)]
    internal static partial int clFlush(nint queue);

    [LibraryImport(LibraryName)]
    internal static partial int clFinish(nint queue);

    [LibraryImport(LibraryName)]
    internal static partial nint clCreateBuffer(nint context, ulong flags, nuint size, void* hostPtr, int* errcode);

    [LibraryImport(LibraryName)]
    internal static partial int clReleaseMemObject(nint mem);

    [LibraryImport(LibraryName)]
    internal static partial int clEnqueueWriteBuffer(nint queue, nint buffer, uint blocking, nuint offset, nuint size, void* ptr, uint numEvents, nint* waitList, nint* evt);

    [LibraryImport(LibraryName)]
    internal static partial int clEnqueueReadBuffer(nint queue, nint buffer, uint blocking, nuint offset, nuint size, void* ptr, uint numEvents, nint* waitList, nint* evt);

    [LibraryImport(LibraryName)]
    internal static partial int clEnqueueCopyBuffer(nint queue, nint source, nint destination, nuint sourceOffset, nuint destinationOffset, nuint size, uint numEvents, nint* waitList, nint* evt);

    [LibraryImport(LibraryName)]
    internal static partial int clEnqueueFillBuffer(nint queue, nint buffer, void* pattern, nuint patternSize, nuint offset, nuint size, uint numEvents, nint* waitList, nint* evt);

    [LibraryImport(LibraryName)]
    internal static partial void* clEnqueueMapBuffer(nint queue, nint buffer, uint blocking, ulong mapFlags, nuint offset, nuint size, uint numEvents, nint* waitList, nint* evt, int* errcode);

    [LibraryImport(LibraryName)]
    internal static partial int clEnqueueUnmapMemObject(nint queue, nint mem, void* mappedPtr, uint numEvents, nint* waitList, nint* evt);

    [LibraryImport(LibraryName)]
    internal static partial nint clCreateProgramWithSource(nint context, uint count, byte** strings, nuint* lengths, int* errcode);

    [LibraryImport(LibraryName)]
    internal static partial nint clCreateProgramWithBinary(nint context, uint numDevices, nint* devices, nuint* lengths, byte** binaries, int* binaryStatus, int* errcode);

    [LibraryImport(LibraryName)]
    internal static partial int clBuildProgram(nint program, uint numDevices, nint* devices, byte* options, nint notify, nint userData);

    [LibraryImport(LibraryName)]
    internal static partial int clGetProgramBuildInfo(nint program, nint device, uint paramName, nuint valueSize, void* value, nuint* valueSizeRet);

    [LibraryImport(LibraryName)]
    internal static partial int clGetProgramInfo(nint program, uint paramName, nuint valueSize, void* value, nuint* valueSizeRet);

    [LibraryImport(LibraryName)]
    internal static partial int clReleaseProgram(nint program);

    [LibraryImport(LibraryName)]
    internal static partial nint clCreateKernel(nint program, byte* name, int* errcode);

    [LibraryImport(LibraryName)]
    internal static partial int clReleaseKernel(nint kernel);

    [LibraryImport(LibraryName)]
    internal static partial int clSetKernelArg(nint kernel, uint index, nuint size, void* value);

    [LibraryImport(LibraryName)]
    internal static partial int clGetKernelWorkGroupInfo(nint kernel, nint device, uint paramName, nuint valueSize, void* value, nuint* valueSizeRet);

    [LibraryImport(LibraryName)]
    internal static partial int clEnqueueNDRangeKernel(nint queue, nint kernel, uint workDim, nuint* globalOffset, nuint* globalSize, nuint* localSize, uint numEvents, nint* waitList, nint* evt);

    [LibraryImport(LibraryName)]
    internal static partial int clEnqueueMarkerWithWaitList(nint queue, uint numEvents, nint* waitList, nint* evt);

    [LibraryImport(LibraryName)]
    internal static partial int clEnqueueBarrierWithWaitList(nint queue, uint numEvents, nint* waitList, nint* evt);

    [LibraryImport(LibraryName)]
    internal static partial int clWaitForEvents(uint numEvents, nint* list);

    [LibraryImport(LibraryName)]
    internal static partial int clGetEventInfo(nint evt, uint paramName, nuint valueSize, void* value, nuint* valueSizeRet);

    [LibraryImport(LibraryName)]
    internal static partial int clGetEventProfilingInfo(nint evt, uint paramName, nuint valueSize, void* value, nuint* valueSizeRet);

    [LibraryImport(LibraryName)]
    internal static partial int clReleaseEvent(nint evt);
}
