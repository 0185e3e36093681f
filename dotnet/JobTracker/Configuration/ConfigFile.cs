using System.Text.Json;
using JobTracker.Serialization;

namespace JobTracker.Configuration;

/// <summary>Saves <c>config.json</c> atomically: a temporary file, flushed, then renamed over the old one.</summary>
internal static class ConfigFile
{
    public static void Save(string path, TrackerOptions options)
    {
        var temp = path + ".tmp";
        using (var stream = Storage.PrivateFiles.CreateNew(temp))
        {
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                JsonSerializer.Serialize(
                    writer,
                    new ConfigFileContent(options.TrackingEnabled, options.RetentionDays, options.KeepAliveSeconds),
                    TrackerJsonContext.Default.ConfigFileContent);
            }

            stream.Write("\n"u8);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }
}
