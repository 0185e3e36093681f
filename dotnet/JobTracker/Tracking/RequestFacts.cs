namespace JobTracker.Tracking;

/// <summary>What the tracker reads from a txt2img/img2img request body.</summary>
/// <param name="Prompt">The top-level <c>prompt</c> string, or "".</param>
/// <param name="NegativePrompt">The top-level <c>negative_prompt</c> string, or "".</param>
/// <param name="CloseIndex">The offset of the object's closing brace, in the body or, when there is one, in <paramref name="Transcoded"/>.</param>
/// <param name="HasMembers">Whether the object has at least one member.</param>
/// <param name="Transcoded">The body made UTF-8 when it came as UTF-16 or UTF-32; <see langword="null"/> for a UTF-8 body.</param>
internal readonly record struct RequestFacts(string Prompt, string NegativePrompt, int CloseIndex, bool HasMembers, byte[]? Transcoded = null);
