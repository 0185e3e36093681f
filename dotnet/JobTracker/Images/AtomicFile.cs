using System.Buffers;
using JobTracker.Storage;

namespace JobTracker.Images;

/// <summary>
/// A file that appears whole or not at all: written as <c>&lt;path&gt;.tmp</c>, then renamed over
/// <c>&lt;path&gt;</c> by <see cref="Commit"/>; disposed without a commit, the temporary file is removed.
/// Made for the small files written while a client waits, so it spends as few system calls as it can:
/// no folder check before every file (the folder is created only when found missing), no truncate, one write.
/// The temporary file is created exclusively and private (<see cref="PrivateFiles.CreateNew"/>), so a link planted
/// under its name is replaced, never written through; the rename replaces a link at the final path the same way.
/// </summary>
internal sealed class AtomicFile : IDisposable
{
    private readonly string _path;
    private readonly string _temp;
    private readonly FileStream _file;
    private byte[] _buffer = [];
    private int _length;
    private bool _done;

    private AtomicFile(string path, string temp, FileStream file)
    {
        _path = path;
        _temp = temp;
        _file = file;
    }

    /// <summary>Starts writing <paramref name="path"/>, creating its folder if it is missing.</summary>
    /// <param name="path">The final path.</param>
    /// <returns>The file to write into and then commit.</returns>
    /// <exception cref="IOException">The file cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable.</exception>
    public static AtomicFile Create(string path)
    {
        var temp = path + ".tmp";
        try
        {
            return new AtomicFile(path, temp, PrivateFiles.CreateNew(temp));
        }
        catch (DirectoryNotFoundException)
        {
            PrivateFiles.CreateFolder(Path.GetDirectoryName(path)!);
            return new AtomicFile(path, temp, PrivateFiles.CreateNew(temp));
        }
    }

    /// <summary>Writes <paramref name="content"/> as the whole of <paramref name="path"/>.</summary>
    /// <param name="path">The final path.</param>
    /// <param name="content">The bytes.</param>
    /// <exception cref="IOException">The file cannot be written (e.g. the disk is full).</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable.</exception>
    public static void WriteAll(string path, ReadOnlySpan<byte> content)
    {
        using var file = Create(path);
        file.Commit(content);
    }

    /// <summary>Adds bytes; they reach the disk at <see cref="Commit"/>.</summary>
    /// <param name="bytes">The bytes.</param>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        if (_length + bytes.Length > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_length + bytes.Length, 4096));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ReturnBuffer();
            _buffer = larger;
        }

        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>Writes what was added, then <paramref name="tail"/>, closes the file and puts it in place.</summary>
    /// <param name="tail">The last bytes of the file (none by default).</param>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void Commit(ReadOnlySpan<byte> tail = default)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        _done = true;
        try
        {
            if (_length > 0)
            {
                RandomAccess.Write(_file.SafeFileHandle, _buffer.AsSpan(0, _length), 0);
            }

            if (!tail.IsEmpty)
            {
                RandomAccess.Write(_file.SafeFileHandle, tail, _length);
            }

            _file.Dispose();
            File.Move(_temp, _path, overwrite: true);
        }
        catch
        {
            _file.Dispose();
            ImageFiles.Delete([_temp]);
            throw;
        }
        finally
        {
            ReturnBuffer();
        }
    }

    /// <summary>Without a commit: closes and removes the temporary file.</summary>
    public void Dispose()
    {
        if (_done)
        {
            return;
        }

        _done = true;
        _file.Dispose();
        ImageFiles.Delete([_temp]);
        ReturnBuffer();
    }

    private void ReturnBuffer()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }
}
