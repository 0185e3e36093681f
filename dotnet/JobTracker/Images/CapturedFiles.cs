using JobTracker.Storage;

namespace JobTracker.Images;

/// <summary>The files written for one finished job.</summary>
/// <param name="Images">The images, in A1111's order.</param>
/// <param name="InfoFile">The name of the file holding A1111's info JSON, or <see langword="null"/> when there was none.</param>
internal sealed record CapturedFiles(IReadOnlyList<StoredImage> Images, string? InfoFile);
