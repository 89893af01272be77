using System.Numerics;

namespace Parallax.Distill;

/// <summary>
/// Principal components of row vectors: the mean, and the top eigenvectors of the covariance (cyclic Jacobi on the
/// symmetric matrix, in double precision, single-threaded so the result is the same bytes every run). Each component's
/// sign is fixed so its largest coordinate is positive.
/// </summary>
internal sealed class Pca
{
    public required float[] Mean { get; init; }
    public required float[][] Components { get; init; } // Count × input dims
    public required double[] Variances { get; init; }
    public double TotalVariance { get; init; }

    /// <param name="rows">The vectors.</param>
    /// <param name="components">How many components to keep.</param>
    /// <param name="center">Subtract the mean first (PCA); without, the components are those of the second moment, and
    /// the first of them is close to the mean direction every vector shares.</param>
    public static Pca Fit(IReadOnlyList<float[]> rows, int components, bool center = true)
    {
        int dims = rows[0].Length, n = rows.Count;
        var mean = new double[dims];
        if (center)
        {
            foreach (var r in rows) for (int j = 0; j < dims; j++) mean[j] += r[j];
            for (int j = 0; j < dims; j++) mean[j] /= n;
        }
        var cov = new double[dims, dims];
        var centered = new double[dims];
        foreach (var r in rows)
        {
            for (int j = 0; j < dims; j++) centered[j] = r[j] - mean[j];
            for (int a = 0; a < dims; a++)
            {
                double ca = centered[a];
                for (int b = a; b < dims; b++) cov[a, b] += ca * centered[b];
            }
        }
        for (int a = 0; a < dims; a++)
            for (int b = a; b < dims; b++) { cov[a, b] /= n - 1; cov[b, a] = cov[a, b]; }
        var (values, vectors) = Jacobi(cov);
        var order = Enumerable.Range(0, dims).OrderByDescending(i => values[i]).ThenBy(i => i).Take(components).ToArray();
        var comps = new float[order.Length][];
        for (int c = 0; c < order.Length; c++)
        {
            var v = new float[dims];
            int argmax = 0;
            for (int j = 0; j < dims; j++) if (Math.Abs(vectors[j, order[c]]) > Math.Abs(vectors[argmax, order[c]])) argmax = j;
            double sign = vectors[argmax, order[c]] < 0 ? -1 : 1;
            for (int j = 0; j < dims; j++) v[j] = (float)(sign * vectors[j, order[c]]);
            comps[c] = v;
        }
        return new Pca
        {
            Mean = mean.Select(m => (float)m).ToArray(),
            Components = comps,
            Variances = order.Select(i => values[i]).ToArray(),
            TotalVariance = values.Sum(),
        };
    }

    /// <summary>The first <paramref name="components"/> components (they are the same as a fit asking for that many).</summary>
    public Pca Truncate(int components) => new()
    {
        Mean = Mean,
        Components = Components.Take(components).ToArray(),
        Variances = Variances.Take(components).ToArray(),
        TotalVariance = TotalVariance,
    };

    /// <summary>Projects a row onto the components (after subtracting the mean).</summary>
    public void Project(ReadOnlySpan<float> row, Span<float> output)
    {
        Span<float> centered = stackalloc float[row.Length];
        for (int j = 0; j < row.Length; j++) centered[j] = row[j] - Mean[j];
        for (int c = 0; c < Components.Length; c++) output[c] = Dot(centered, Components[c]);
    }

    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        float s = 0;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var acc = Vector<float>.Zero;
            for (; i + Vector<float>.Count <= a.Length; i += Vector<float>.Count)
                acc += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
            s = Vector.Sum(acc);
        }
        for (; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    /// <summary>Eigenvalues and eigenvectors (columns) of a symmetric matrix by cyclic Jacobi rotations.</summary>
    private static (double[] Values, double[,] Vectors) Jacobi(double[,] matrix)
    {
        int n = matrix.GetLength(0);
        var a = (double[,])matrix.Clone();
        var v = new double[n, n];
        for (int i = 0; i < n; i++) v[i, i] = 1;
        for (int sweep = 0; sweep < 60; sweep++)
        {
            double off = 0, diag = 0;
            for (int p = 0; p < n; p++)
            {
                diag += a[p, p] * a[p, p];
                for (int q = p + 1; q < n; q++) off += a[p, q] * a[p, q];
            }
            if (off <= 1e-22 * diag) break;
            for (int p = 0; p < n - 1; p++)
                for (int q = p + 1; q < n; q++)
                {
                    double apq = a[p, q];
                    if (Math.Abs(apq) < 1e-300) continue;
                    double theta = (a[q, q] - a[p, p]) / (2 * apq);
                    double t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double c = 1 / Math.Sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < n; k++)
                    {
                        double akp = a[k, p], akq = a[k, q];
                        a[k, p] = c * akp - s * akq;
                        a[k, q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++)
                    {
                        double apk = a[p, k], aqk = a[q, k];
                        a[p, k] = c * apk - s * aqk;
                        a[q, k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++)
                    {
                        double vkp = v[k, p], vkq = v[k, q];
                        v[k, p] = c * vkp - s * vkq;
                        v[k, q] = s * vkp + c * vkq;
                    }
                }
        }
        var values = new double[n];
        for (int i = 0; i < n; i++) values[i] = a[i, i];
        return (values, v);
    }
}
