namespace Parallax.Distill;

/// <summary>
/// Seeded spherical k-means (cosine) with k-means++ seeding, single-threaded and deterministic. The three levels are
/// nested: the coarse clusters are split into <c>branch</c> parts each, and those again, so a fine cluster lies inside
/// one medium and one coarse cluster.
/// </summary>
internal static class KMeans
{
    /// <summary>Cluster ids per row at each level: level 0 has <paramref name="coarse"/> clusters, each next level
    /// <paramref name="branch"/> times more.</summary>
    public static int[][] Hierarchy(float[][] unitRows, int coarse, int branch, int levels, int seed)
    {
        var rng = new Random(seed);
        var result = new int[levels][];
        result[0] = Cluster(unitRows, Enumerable.Range(0, unitRows.Length).ToArray(), coarse, rng, 12);
        for (int level = 1; level < levels; level++)
        {
            var ids = new int[unitRows.Length];
            var parent = result[level - 1];
            var groups = Enumerable.Range(0, unitRows.Length).GroupBy(i => parent[i]).OrderBy(g => g.Key);
            foreach (var group in groups)
            {
                var members = group.ToArray();
                var sub = Cluster(unitRows, members, branch, rng, 10);
                for (int m = 0; m < members.Length; m++) ids[members[m]] = group.Key * branch + sub[m];
            }
            result[level] = ids;
        }
        return result;
    }

    /// <summary>Assigns each of <paramref name="members"/> to one of <paramref name="k"/> clusters.</summary>
    public static int[] Cluster(float[][] rows, int[] members, int k, Random rng, int iterations)
    {
        int n = members.Length;
        var assign = new int[n];
        if (n <= k)
        {
            for (int i = 0; i < n; i++) assign[i] = i;
            return assign;
        }
        int dims = rows[0].Length;
        var centroids = SeedPlusPlus(rows, members, k, rng);
        for (int it = 0; it < iterations; it++)
        {
            bool changed = false;
            for (int i = 0; i < n; i++)
            {
                int best = Nearest(rows[members[i]], centroids);
                if (best != assign[i] || it == 0) { changed |= best != assign[i]; assign[i] = best; }
            }
            if (!changed && it > 0) break;
            var sums = new double[k][];
            for (int c = 0; c < k; c++) sums[c] = new double[dims];
            var sizes = new int[k];
            for (int i = 0; i < n; i++)
            {
                var row = rows[members[i]];
                var sum = sums[assign[i]];
                for (int d = 0; d < dims; d++) sum[d] += row[d];
                sizes[assign[i]]++;
            }
            for (int c = 0; c < k; c++)
            {
                if (sizes[c] == 0) continue; // keeps its old centroid
                double norm = Math.Sqrt(sums[c].Sum(x => x * x));
                if (norm <= 0) continue;
                for (int d = 0; d < dims; d++) centroids[c][d] = (float)(sums[c][d] / norm);
            }
        }
        return assign;
    }

    private static int Nearest(float[] row, float[][] centroids)
    {
        int best = 0;
        float bestDot = float.NegativeInfinity;
        for (int c = 0; c < centroids.Length; c++)
        {
            float dot = Pca.Dot(row, centroids[c]);
            if (dot > bestDot) { bestDot = dot; best = c; }
        }
        return best;
    }

    private static float[][] SeedPlusPlus(float[][] rows, int[] members, int k, Random rng)
    {
        int n = members.Length;
        var centroids = new float[k][];
        var distance = new double[n];
        centroids[0] = (float[])rows[members[rng.Next(n)]].Clone();
        for (int i = 0; i < n; i++) distance[i] = Math.Max(0, 1 - Pca.Dot(rows[members[i]], centroids[0]));
        for (int c = 1; c < k; c++)
        {
            double total = distance.Sum(), target = rng.NextDouble() * total;
            int pick = n - 1;
            for (int i = 0; i < n; i++)
            {
                target -= distance[i];
                if (target <= 0) { pick = i; break; }
            }
            centroids[c] = (float[])rows[members[pick]].Clone();
            for (int i = 0; i < n; i++) distance[i] = Math.Min(distance[i], Math.Max(0, 1 - Pca.Dot(rows[members[i]], centroids[c])));
        }
        return centroids;
    }
}
