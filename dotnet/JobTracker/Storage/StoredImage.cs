namespace JobTracker.Storage;

/// <summary>One image of a job, as a file in the tracker's output folder.</summary>
/// <param name="File">The file name relative to the output folder, e.g. <c>A3f9K2xY-0.png</c>; never a path.</param>
/// <param name="ContentType">The media type detected from the file's first bytes, e.g. <c>image/png</c>.</param>
internal sealed record StoredImage(string File, string ContentType);
