using Oompa.Samples.FlexAlign.Local;
using System.Text;
using System.Text.Json;

namespace Oompa.Samples.FlexAlign.Output;

/// <summary>
/// The JSON summary of an alignment: movie, size, pixel size, the settings used, per-frame corrective shifts (RELION's
/// sign, relative to frame 1) and drifts in pixels, the outlier count, timings in seconds, and <c>localModel</c> (null:
/// no local alignment was run).
/// </summary>
public static class AlignmentJson
{
    /// <summary>The JSON text (indented UTF-8) of <paramref name="record"/>.</summary>
    public static byte[] Build(AlignmentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("movie", record.MoviePath);
            json.WriteStartObject("size");
            json.WriteNumber("x", record.Width);
            json.WriteNumber("y", record.Height);
            json.WriteNumber("frames", record.Frames);
            json.WriteEndObject();
            json.WriteNumber("pixelSizeA", record.Settings.PixelSize);
            WriteSettings(json, record);
            WriteFrames(json, record);
            json.WriteNumber("measuredPairs", record.MeasuredPairs);
            json.WriteNumber("rejectedPairs", record.RejectedPairs);
            json.WriteNumber("residualRmsPx", Finite(record.ResidualRms));
            json.WriteNumber("maxDriftPx", record.MaxDrift);
            json.WriteStartObject("timingsS");
            foreach (var (stage, seconds) in record.Timings)
            {
                json.WriteNumber(stage, seconds);
            }

            json.WriteEndObject();
            WriteLocalModel(json, record);
            json.WriteEndObject();
        }

        stream.Write(Encoding.UTF8.GetBytes("\n"));
        return stream.ToArray();
    }

    /// <summary>
    /// <c>localModel</c>: null after global alignment only; otherwise the patch grid, the fit statistics and the cubic
    /// B-spline model of the correction left after the global shifts (see docs/flexalign-local.md).
    /// </summary>
    private static void WriteLocalModel(Utf8JsonWriter json, AlignmentRecord record)
    {
        if (record.Local is not { } local)
        {
            json.WriteNull("localModel");
            return;
        }

        json.WriteStartObject("localModel");
        json.WriteString("meaning", "correction in pixels left after the global corrective shifts; total = global + model(x, y, frame), frames 0-based");
        json.WriteNumber("patchesX", local.Layout.CountX);
        json.WriteNumber("patchesY", local.Layout.CountY);
        json.WriteNumber("patchMeasurements", local.Measurements.Count);
        json.WriteNumber("rejectedMeasurements", local.Fit.RejectedCount);
        json.WriteNumber("residualRmsXPx", Finite(local.Fit.ResidualRmsX));
        json.WriteNumber("residualRmsYPx", Finite(local.Fit.ResidualRmsY));
        json.WritePropertyName("spline");
        JsonSerializer.Serialize(json, local.Model.ToData(), LocalMotionModelData.JsonOptions);
        json.WriteEndObject();
    }

    private static void WriteSettings(Utf8JsonWriter json, AlignmentRecord record)
    {
        var s = record.Settings;
        json.WriteStartObject("settings");
        json.WriteString("backend", record.Backend);
        json.WriteNumber("threads", record.Threads);
        json.WriteStartArray("workers");
        foreach (string worker in record.Workers)
        {
            json.WriteStringValue(worker);
        }

        json.WriteEndArray();
        WriteStringOrNull(json, "gain", record.GainPath);
        WriteStringOrNull(json, "dark", record.DarkPath);
        json.WriteNumber("gainRotation", record.GainTransform.Rotation);
        json.WriteNumber("gainFlip", record.GainTransform.Flip);
        json.WriteNumber("maxResolutionA", s.MaxResolution);
        json.WriteNumber("maxShiftA", s.MaxShift);
        json.WriteNumber("maxShiftPx", s.MaxShiftPixels);
        json.WriteNumber("refinementPasses", s.RefinementPasses);
        json.WriteNumber("outlierThresholdSigma", s.OutlierThreshold);
        json.WriteNumber("solverIterations", s.SolverIterations);
        json.WriteNumber("fftBatch", s.FftBatch);
        json.WriteNumber("correlationBlock", s.CorrelationBlock);
        json.WriteEndObject();
    }

    private static void WriteFrames(Utf8JsonWriter json, AlignmentRecord record)
    {
        var corrective = record.CorrectiveShifts;
        json.WriteStartArray("frames");
        for (int t = 0; t < record.Frames; t++)
        {
            json.WriteStartObject();
            json.WriteNumber("frame", t + 1);
            json.WriteNumber("shiftXPx", corrective[t].X);
            json.WriteNumber("shiftYPx", corrective[t].Y);
            json.WriteNumber("driftXPx", record.Drifts[t].X - record.Drifts[0].X);
            json.WriteNumber("driftYPx", record.Drifts[t].Y - record.Drifts[0].Y);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static double Finite(double value) => double.IsFinite(value) ? value : 0;
}
