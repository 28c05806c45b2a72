using Oompa.Core.Devices;
using Oompa.Core.Devices.OpenCl;
using Oompa.Samples.FlexAlign.Global;
using Oompa.Samples.FlexAlign.Movie;
using Oompa.Samples.FlexAlign.Phantom;
using Oompa.Samples.Tests.Support;
using Xunit.Abstractions;

namespace Oompa.Samples.Tests.Global;

/// <summary>The CPU and OpenCL backends align the same movie to the same shifts (issue: within 0.01 px).</summary>
public sealed class BackendAgreementTests(ITestOutputHelper output)
{
    [Fact]
    public void Cpu_and_opencl_backends_give_the_same_shifts_and_sum()
    {
        var movie = PhantomGenerator.Generate(new PhantomSettings
        {
            Width = 256, Height = 256, Frames = 6, DriftScale = 10, Seed = 3, MuBackground = 12.5, MuForeground = 10.5,
        });
        var settings = new GlobalAlignmentSettings { MaxShift = 20, MaxResolution = 8 };
        var cpu = Align(new AlgorithmProvider(CpuDevice.Default), movie, settings);
        var openCl = Align(new AlgorithmProvider(CpuDevice.Default, openCl: OpenClDevices.Require()), movie, settings);

        double worst = cpu.CorrectiveShifts.Zip(openCl.CorrectiveShifts)
            .Max(p => Math.Max(Math.Abs(p.First.X - p.Second.X), Math.Abs(p.First.Y - p.Second.Y)));
        output.WriteLine($"largest shift difference cpu vs opencl: {worst:E2} px; RMS vs truth cpu {Rms.Error(cpu.CorrectiveShifts, movie.CorrectiveShifts):F4}, opencl {Rms.Error(openCl.CorrectiveShifts, movie.CorrectiveShifts):F4}");
        Assert.InRange(worst, 0, 0.01);

        var a = cpu.GetAlignedSum()!;
        var b = openCl.GetAlignedSum()!;
        double scale = a.Max(Math.Abs);
        double sumError = a.Zip(b).Max(p => Math.Abs(p.First - p.Second)) / scale;
        output.WriteLine($"aligned sums differ by {sumError:E2} of the largest value");
        Assert.InRange(sumError, 0, 1e-4);
    }

    private static GlobalAlignmentResult Align(AlgorithmProvider provider, PhantomMovie movie, GlobalAlignmentSettings settings) =>
        new GlobalAligner(provider).Align(new InMemoryFrameSource(movie.Frames, movie.Settings.Width, movie.Settings.Height, movie.Settings.Frames), settings, computeSum: true);
}
