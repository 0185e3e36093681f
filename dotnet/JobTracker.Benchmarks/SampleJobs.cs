using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using JobTracker.Storage;

namespace JobTracker.Benchmarks;

/// <summary>
/// Realistic jobs like a busy pod keeps: prompts of a few hundred characters, 20 client addresses,
/// mostly Completed with 1 to 4 images, some Failed, spread over 30 days; each with its request's SHA-256.
/// </summary>
internal static class SampleJobs
{
    /// <summary>The creation time of the newest sample job (unix seconds).</summary>
    public const double Newest = 1_767_225_600;

    private const string Words = "portrait landscape castle dragon neon city forest river sunset golden hour cinematic lighting highly detailed 8k artstation trending masterpiece best quality oil painting watercolor";

    /// <summary>The client address of job <paramref name="n"/>.</summary>
    public static string Ip(int n) => "10.0.0." + (n % 20).ToString(CultureInfo.InvariantCulture);

    /// <summary>A deterministic 8-character ID for job <paramref name="n"/>.</summary>
    public static string Id(int n) => "J" + n.ToString("D7", CultureInfo.InvariantCulture);

    /// <summary>Job <paramref name="n"/> of <paramref name="count"/>, created in order over 30 days.</summary>
    public static JobRecord Job(int n, int count)
    {
        var created = Newest - ((count - n) * (30.0 * 86_400 / count));
        var failed = n % 25 == 0;
        var images = failed ? 0 : 1 + (n % 4);
        var id = Id(n);
        return new JobRecord
        {
            Id = id,
            Kind = n % 5 == 0 ? "img2img" : "txt2img",
            Prompt = string.Join(", ", Enumerable.Range(0, 12).Select(i => Words.Split(' ')[(n + (i * 7)) % 23])) + " #" + n.ToString(CultureInfo.InvariantCulture),
            NegativePrompt = "blurry, low quality, watermark",
            Ip = Ip(n),
            Status = failed ? JobStatus.Failed : JobStatus.Completed,
            Timestamp = (long)created,
            Created = created,
            Started = created + 0.05,
            Finished = created + 6.5,
            Error = failed ? "RuntimeError: CUDA out of memory" : null,
            Images = [.. Enumerable.Range(0, images).Select(i => new StoredImage($"{id}-{i}.png", "image/png"))],
            InfoFile = failed ? null : id + "-info.json",
            RequestSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("request " + n.ToString(CultureInfo.InvariantCulture)))),
        };
    }

    /// <summary>Creates a data folder whose <c>jobs.json</c> holds <paramref name="count"/> sample jobs.</summary>
    /// <returns>The store's files.</returns>
    public static StoreFiles CreateStore(int count)
    {
        var folder = Path.Combine(Path.GetTempPath(), "jobtracker-bench", $"{count}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var files = new StoreFiles(folder);
        Directory.CreateDirectory(files.OutputDirectory);
        using (var store = JobStore.Open(files, SilentLog.Instance, TimeProvider.System))
        {
            for (var n = 0; n < count; n++)
            {
                store.Put(Job(n, count));
            }

            store.Compact();
        }

        return files;
    }

    /// <summary>Deletes a folder made by <see cref="CreateStore"/>.</summary>
    public static void Delete(StoreFiles files) => Directory.Delete(files.DataDirectory, recursive: true);
}
