using SkiaSharp;

namespace HaSim.Reports.Tests;

/// <summary>How much a picture varies: a blank (one-colour) image has zero variance and no ink.</summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="LuminanceStdDev">The standard deviation of the pixels' luminance, 0-255.</param>
/// <param name="Ink">The share of pixels that are not (near) white.</param>
/// <param name="Colours">How many distinct colours (quantised to 4 bits per channel) appear.</param>
internal sealed record ImageStats(int Width, int Height, double LuminanceStdDev, double Ink, int Colours)
{
    public static ImageStats Of(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png) ?? throw new InvalidOperationException("not a decodable image");
        double sum = 0, sumSq = 0;
        long ink = 0;
        var colours = new HashSet<int>();
        for (int y = 0; y < bitmap.Height; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                double l = (0.2126 * c.Red) + (0.7152 * c.Green) + (0.0722 * c.Blue);
                sum += l;
                sumSq += l * l;
                if (l < 235)
                {
                    ink++;
                }

                colours.Add(((c.Red >> 4) << 8) | ((c.Green >> 4) << 4) | (c.Blue >> 4));
            }
        }

        double n = (double)bitmap.Width * bitmap.Height;
        double mean = sum / n;
        return new ImageStats(bitmap.Width, bitmap.Height, Math.Sqrt(Math.Max(0, (sumSq / n) - (mean * mean))), ink / n, colours.Count);
    }

    /// <summary>Fails unless the picture has the ink, contrast and colours of a drawn chart.</summary>
    public void AssertNotBlank(string what)
    {
        Assert.True(LuminanceStdDev > 12, $"{what}: luminance standard deviation {LuminanceStdDev:0.0} looks blank");
        Assert.True(Ink > 0.01, $"{what}: only {Ink:P2} of pixels are drawn");
        Assert.True(Colours >= 4, $"{what}: only {Colours} colours");
    }
}
