using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace JobTracker.Storage;

/// <summary>
/// Reads one job record with <see cref="Utf8JsonReader"/>, in the tracker's format or the original
/// extension's (<c>output_path</c> / <c>output_paths</c>, fractional or string timestamps); unknown fields
/// are skipped. Hand-written rather than deserialized, because it runs for every job at start-up.
/// A value of the wrong type makes the record unusable but is consumed, so the next record still reads;
/// only malformed JSON throws <see cref="JsonException"/>.
/// The hot methods are <see cref="MethodImplOptions.AggressiveOptimization"/>: they run 100,000 times right after
/// the runtime starts, when tiered compilation would still be running them unoptimized.
/// </summary>
internal sealed class JobRecordReader
{
    // An escaped field name is longer than the name itself; every known name is under 20 bytes.
    private const int MaxEscapedNameBytes = 128;

    private readonly StringPool _pool = new();
    private readonly List<byte> _formats = [];

    /// <summary>Reads the object the reader is on (a StartObject token); leaves it on the EndObject.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public RecordLine Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return new RecordLine(null, null, "a record is not a JSON object");
        }

        var fields = new RecordFields();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Property(ref reader);
            reader.Read();
            ReadValue(ref reader, name, ref fields);
        }

        return fields.ToLine();
    }

    /// <summary>Reads one journal line: exactly one JSON object.</summary>
    public RecordLine ReadLine(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        if (!reader.Read())
        {
            throw new JsonException("the line is empty");
        }

        var record = Read(ref reader);
        if (reader.Read())
        {
            throw new JsonException("the line holds more than one JSON value");
        }

        return record;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Name Property(ref Utf8JsonReader reader)
    {
        if (IsRaw(ref reader))
        {
            return NameOf(reader.ValueSpan);
        }

        Span<byte> unescaped = stackalloc byte[MaxEscapedNameBytes];
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        return length <= MaxEscapedNameBytes ? NameOf(unescaped[..reader.CopyString(unescaped)]) : Name.Other;
    }

    /// <summary>Whether the token's value is <see cref="Utf8JsonReader.ValueSpan"/> as it stands: in one piece, without escapes.</summary>
    private static bool IsRaw(ref Utf8JsonReader reader) => !reader.ValueIsEscaped && !reader.HasValueSequence;

    private static bool IsRawString(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.String && IsRaw(ref reader);

    // By length first: a record's seventeen names cost one or two comparisons each rather than up to nineteen.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Name NameOf(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 => name.SequenceEqual("id"u8) ? Name.Id : name.SequenceEqual("ip"u8) ? Name.Ip : Name.Other,
        4 => name.SequenceEqual("kind"u8) ? Name.Kind : name.SequenceEqual("user"u8) ? Name.User : Name.Other,
        5 => name.SequenceEqual("error"u8) ? Name.Error : Name.Other,
        6 => name.SequenceEqual("prompt"u8) ? Name.Prompt
            : name.SequenceEqual("status"u8) ? Name.Status
            : name.SequenceEqual("images"u8) ? Name.Images
            : name.SequenceEqual("update"u8) ? Name.Update
            : Name.Other,
        7 => name.SequenceEqual("created"u8) ? Name.Created
            : name.SequenceEqual("started"u8) ? Name.Started
            : name.SequenceEqual("deleted"u8) ? Name.Deleted
            : Name.Other,
        8 => name.SequenceEqual("finished"u8) ? Name.Finished : Name.Other,
        9 => name.SequenceEqual("timestamp"u8) ? Name.Timestamp : name.SequenceEqual("info_file"u8) ? Name.InfoFile : Name.Other,
        11 => name.SequenceEqual("output_path"u8) ? Name.OutputPath : Name.Other,
        12 => name.SequenceEqual("output_paths"u8) ? Name.OutputPaths : Name.Other,
        14 => name.SequenceEqual("request_sha256"u8) ? Name.RequestSha256 : Name.Other,
        15 => name.SequenceEqual("negative_prompt"u8) ? Name.NegativePrompt : Name.Other,
        19 => name.SequenceEqual("legacy_output_paths"u8) ? Name.LegacyOutputPaths : Name.Other,
        _ => Name.Other,
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadValue(ref Utf8JsonReader reader, Name name, ref RecordFields fields)
    {
        switch (name)
        {
            case Name.Id: fields.Id = String(ref reader, "id", ref fields); break;
            case Name.Prompt: fields.Prompt = String(ref reader, "prompt", ref fields); break;
            case Name.Status: fields.Status = Status(ref reader, ref fields); fields.Present |= RecordFields.HasStatus; break;
            case Name.Timestamp: fields.Timestamp = Seconds(ref reader, "timestamp", ref fields, allowString: true); break;
            case Name.Ip: fields.Ip = Pooled(ref reader, "ip", ref fields); break;
            case Name.Kind: fields.Kind = Kind(ref reader, ref fields); break;
            case Name.NegativePrompt: fields.NegativePrompt = Pooled(ref reader, "negative_prompt", ref fields); break;
            case Name.User: fields.User = Pooled(ref reader, "user", ref fields); break;
            case Name.Created: fields.Created = Seconds(ref reader, "created", ref fields, allowString: false); break;
            case Name.Started: fields.Started = Seconds(ref reader, "started", ref fields, allowString: false); fields.Present |= RecordFields.HasStarted; break;
            case Name.Finished: fields.Finished = Seconds(ref reader, "finished", ref fields, allowString: false); fields.Present |= RecordFields.HasFinished; break;
            case Name.Error: fields.Error = String(ref reader, "error", ref fields); fields.Present |= RecordFields.HasError; break;
            case Name.Images: Images(ref reader, ref fields); fields.Present |= RecordFields.HasImages; break;
            case Name.InfoFile: InfoFile(ref reader, ref fields); fields.Present |= RecordFields.HasInfoFile; break;
            case Name.Update: fields.Id = String(ref reader, "update", ref fields); fields.IsUpdate = true; break;
            case Name.RequestSha256: RequestSha256(ref reader, ref fields); break;
            case Name.LegacyOutputPaths: fields.LegacyOutputPaths = Strings(ref reader, "legacy_output_paths", ref fields); break;
            case Name.OutputPath: fields.OutputPath = String(ref reader, "output_path", ref fields); break;
            case Name.OutputPaths: fields.OutputPaths = Strings(ref reader, "output_paths", ref fields); break;
            case Name.Deleted: fields.Deleted = String(ref reader, "deleted", ref fields); break;
            default: reader.Skip(); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? Pooled(ref Utf8JsonReader reader, string name, ref RecordFields fields) =>
        reader.TokenType == JsonTokenType.String ? Decode(ref reader, name, ref fields, _pool) : String(ref reader, name, ref fields);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? Decode(ref Utf8JsonReader reader, string name, ref RecordFields fields, StringPool? pool)
    {
        try
        {
            return pool is null ? reader.GetString() : pool.Get(ref reader);
        }
        catch (InvalidOperationException)
        {
            fields.Problem ??= $"\"{name}\" is not valid UTF-8";
            return null;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? String(ref Utf8JsonReader reader, string name, ref RecordFields fields)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return Decode(ref reader, name, ref fields, null);
            case JsonTokenType.Null:
                return null;
            default:
                fields.Problem ??= $"\"{name}\" is not a string";
                reader.Skip();
                return null;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? Status(ref Utf8JsonReader reader, ref RecordFields fields) =>
        reader.TokenType != JsonTokenType.String ? String(ref reader, "status", ref fields)
        : reader.ValueTextEquals("Completed"u8) ? nameof(JobStatus.Completed)
        : reader.ValueTextEquals("Failed"u8) ? nameof(JobStatus.Failed)
        : String(ref reader, "status", ref fields);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? Kind(ref Utf8JsonReader reader, ref RecordFields fields)
    {
        // Shared instances: 100,000 jobs need only two kind strings.
        if (reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("txt2img"u8))
        {
            return "txt2img";
        }

        return reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("img2img"u8)
            ? "img2img"
            : String(ref reader, "kind", ref fields);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double? Seconds(ref Utf8JsonReader reader, string name, ref RecordFields fields, bool allowString)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var number) && double.IsFinite(number))
        {
            return number;
        }

        if (allowString && reader.TokenType == JsonTokenType.String
            && double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number))
        {
            return number;
        }

        if (reader.TokenType != JsonTokenType.Null)
        {
            fields.Problem ??= $"\"{name}\" is not a number of seconds";
            reader.Skip();
        }

        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void InfoFile(ref Utf8JsonReader reader, ref RecordFields fields)
    {
        // The usual <id>-info.json becomes a flag without a string ever being made.
        if (IsRawString(ref reader) && fields.Id is { } id && ImageNames.IsInfoFile(reader.ValueSpan, id))
        {
            fields.InfoFileDerived = true;
            fields.InfoFile = null;
            return;
        }

        fields.InfoFileDerived = false;
        fields.InfoFile = String(ref reader, "info_file", ref fields);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RequestSha256(ref Utf8JsonReader reader, ref RecordFields fields)
    {
        if (IsRawString(ref reader) && Sha256Digest.TryParseLowerHex(reader.ValueSpan, out var digest))
        {
            fields.RequestDigest = digest;
            fields.RequestSha256 = null;
            return;
        }

        fields.RequestDigest = null;
        fields.RequestSha256 = String(ref reader, "request_sha256", ref fields);
    }

    /// <summary>
    /// Reads "images": as formats only (<see cref="RecordFields.ImageFormats"/>) while every name is the usual
    /// <c>&lt;id&gt;-&lt;n&gt;.&lt;ext&gt;</c> of its type, so no name string is made; as explicit entries otherwise.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Images(ref Utf8JsonReader reader, ref RecordFields fields)
    {
        fields.Images = null;
        fields.ImageFormats = null;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            NotAList(ref reader, "images", ref fields);
            return;
        }

        _formats.Clear();
        List<StoredImage>? named = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                fields.Problem ??= "an entry of \"images\" is not an object";
                reader.Skip();
                continue;
            }

            var index = named?.Count ?? _formats.Count;
            string? file = null, contentType = null;
            var derived = -1;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isFile = reader.ValueTextEquals("file"u8);
                var isType = !isFile && reader.ValueTextEquals("content_type"u8);
                reader.Read();
                if (isFile)
                {
                    derived = fields.Id is { } id && IsRawString(ref reader)
                        ? ImageNames.FormatOf(reader.ValueSpan, id, index)
                        : -1;
                    file = derived >= 0 ? null : String(ref reader, "images.file", ref fields);
                }
                else if (isType)
                {
                    contentType = ContentType(ref reader, ref fields);
                }
                else
                {
                    reader.Skip();
                }
            }

            if (derived >= 0 && named is null && contentType == ImageNames.ContentTypeOf(derived))
            {
                _formats.Add((byte)derived);
                continue;
            }

            file ??= derived >= 0 ? ImageNames.FileName(fields.Id!, index, derived) : null;
            if (file is null)
            {
                fields.Problem ??= "an entry of \"images\" has no file";
                continue;
            }

            named ??= ImageNames.Materialize(fields.Id, _formats);
            named.Add(new StoredImage(file, contentType ?? "application/octet-stream"));
        }

        if (named is not null)
        {
            fields.Images = [.. named];
        }
        else
        {
            fields.ImageFormats = ImageNames.Formats(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_formats));
            fields.Images = [];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? ContentType(ref Utf8JsonReader reader, ref RecordFields fields) =>
        reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("image/png"u8) ? "image/png"
        : reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("image/jpeg"u8) ? "image/jpeg"
        : reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("image/webp"u8) ? "image/webp"
        : String(ref reader, "images.content_type", ref fields);

    private static string[]? Strings(ref Utf8JsonReader reader, string name, ref RecordFields fields)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            NotAList(ref reader, name, ref fields);
            return null;
        }

        var values = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (String(ref reader, name, ref fields) is { Length: > 0 } value)
            {
                values.Add(value);
            }
        }

        return [.. values];
    }

    private static void NotAList(ref Utf8JsonReader reader, string name, ref RecordFields fields)
    {
        if (reader.TokenType != JsonTokenType.Null)
        {
            fields.Problem ??= $"\"{name}\" is not a list";
            reader.Skip();
        }
    }

    private enum Name
    {
        Other,
        Id,
        Kind,
        Prompt,
        NegativePrompt,
        Ip,
        User,
        Status,
        Timestamp,
        Created,
        Started,
        Finished,
        Error,
        Images,
        InfoFile,
        RequestSha256,
        LegacyOutputPaths,
        OutputPath,
        OutputPaths,
        Deleted,
        Update,
    }
}
