using System.Globalization;
using System.Security;
using System.Text;

namespace Oompa.Samples.FlexAlign.Output;

/// <summary>
/// A hand-written SVG plot of the drift trajectory: the drift of every frame relative to frame 1, in pixels, with equal
/// scales on both axes (x to the right, y upwards as in MRC images), ticks labelled in px, a marker per frame, and the
/// first and last frames labelled.
/// </summary>
public static class TrajectorySvg
{
    private const double Plot = 440;
    private const double Left = 70;
    private const double Top = 40;
    private const double Width = Left + Plot + 30;
    private const double Height = Top + Plot + 60;

    /// <summary>The SVG document of <paramref name="record"/>'s trajectory.</summary>
    public static string Build(AlignmentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var points = record.Drifts.Select(d => d - record.Drifts[0]).ToArray();
        var (min, step, ticks) = Scale(points);
        double span = step * ticks;
        double Sx(double x) => Left + ((x - min.X) / span * Plot);
        double Sy(double y) => Top + Plot - ((y - min.Y) / span * Plot);

        var svg = new StringBuilder();
        svg.Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width:0}\" height=\"{Height:0}\" viewBox=\"0 0 {Width:0} {Height:0}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        svg.Append(F($"<title>Drift of {Escape(record.BaseName)} ({record.Frames} frames, relative to frame 1)</title>\n"));
        svg.Append(F($"<rect x=\"0\" y=\"0\" width=\"{Width:0}\" height=\"{Height:0}\" fill=\"white\"/>\n"));
        svg.Append(F($"<text x=\"{Left + (Plot / 2):0.##}\" y=\"24\" text-anchor=\"middle\" font-size=\"14\">Drift of {Escape(record.BaseName)} relative to frame 1 (max {record.MaxDrift:0.###} px)</text>\n"));
        svg.Append("<g stroke=\"#ddd\" stroke-width=\"1\">\n");
        for (int i = 0; i <= ticks; i++)
        {
            double x = Sx(min.X + (i * step));
            double y = Sy(min.Y + (i * step));
            svg.Append(F($"<line x1=\"{x:0.##}\" y1=\"{Top:0.##}\" x2=\"{x:0.##}\" y2=\"{Top + Plot:0.##}\"/>\n"));
            svg.Append(F($"<line x1=\"{Left:0.##}\" y1=\"{y:0.##}\" x2=\"{Left + Plot:0.##}\" y2=\"{y:0.##}\"/>\n"));
        }

        svg.Append("</g>\n");
        svg.Append(F($"<rect x=\"{Left:0.##}\" y=\"{Top:0.##}\" width=\"{Plot:0.##}\" height=\"{Plot:0.##}\" fill=\"none\" stroke=\"black\"/>\n"));
        for (int i = 0; i <= ticks; i++)
        {
            double value = min.X + (i * step);
            string label = Tick(value, step);
            svg.Append(F($"<text x=\"{Sx(value):0.##}\" y=\"{Top + Plot + 16:0.##}\" text-anchor=\"middle\">{label}</text>\n"));
            value = min.Y + (i * step);
            svg.Append(F($"<text x=\"{Left - 6:0.##}\" y=\"{Sy(value) + 4:0.##}\" text-anchor=\"end\">{Tick(value, step)}</text>\n"));
        }

        svg.Append(F($"<text x=\"{Left + (Plot / 2):0.##}\" y=\"{Top + Plot + 40:0.##}\" text-anchor=\"middle\">drift x (px)</text>\n"));
        svg.Append(F($"<text x=\"18\" y=\"{Top + (Plot / 2):0.##}\" text-anchor=\"middle\" transform=\"rotate(-90 18 {Top + (Plot / 2):0.##})\">drift y (px)</text>\n"));
        svg.Append("<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"1.5\" points=\"");
        svg.AppendJoin(' ', points.Select(p => F($"{Sx(p.X):0.##},{Sy(p.Y):0.##}")));
        svg.Append("\"/>\n");
        for (int t = 0; t < points.Length; t++)
        {
            string fill = t == 0 ? "#d62728" : "#1f77b4";
            svg.Append(F($"<circle cx=\"{Sx(points[t].X):0.##}\" cy=\"{Sy(points[t].Y):0.##}\" r=\"3\" fill=\"{fill}\"><title>frame {t + 1}: ({points[t].X:0.###}, {points[t].Y:0.###}) px</title></circle>\n"));
        }

        svg.Append(F($"<text x=\"{Sx(points[0].X) + 6:0.##}\" y=\"{Sy(points[0].Y) - 6:0.##}\" fill=\"#d62728\">frame 1</text>\n"));
        if (points.Length > 1)
        {
            var last = points[^1];
            svg.Append(F($"<text x=\"{Sx(last.X) + 6:0.##}\" y=\"{Sy(last.Y) - 6:0.##}\">frame {points.Length}</text>\n"));
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>The lower corner, tick step and tick count of a square plot holding every point and the origin.</summary>
    private static (FrameShift Min, double Step, int Ticks) Scale(IReadOnlyList<FrameShift> points)
    {
        double minX = Math.Min(0, points.Min(p => p.X));
        double maxX = Math.Max(0, points.Max(p => p.X));
        double minY = Math.Min(0, points.Min(p => p.Y));
        double maxY = Math.Max(0, points.Max(p => p.Y));
        double range = Math.Max(Math.Max(maxX - minX, maxY - minY), 0.1);
        double step = NiceStep(range / 5);
        double x0 = Math.Floor(minX / step) * step;
        double y0 = Math.Floor(minY / step) * step;
        int ticks = (int)Math.Max(Math.Ceiling((maxX - x0) / step), Math.Ceiling((maxY - y0) / step));
        return (new FrameShift(x0, y0), step, Math.Max(ticks, 1));
    }

    private static double NiceStep(double raw)
    {
        double power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double fraction = raw / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    private static string Tick(double value, double step)
    {
        int decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step)));
        string text = value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return text.StartsWith('-') && double.Parse(text, CultureInfo.InvariantCulture) == 0 ? text[1..] : text;
    }

    private static string Escape(string text) => SecurityElement.Escape(text) ?? string.Empty;

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
