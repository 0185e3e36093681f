namespace JobTracker.Tracking;

/// <summary>What the tracker reads from a txt2img/img2img request body.</summary>
/// <param name="Prompt">The top-level <c>prompt</c> string, or "".</param>
/// <param name="NegativePrompt">The top-level <c>negative_prompt</c> string, or "".</param>
/// <param name="CloseIndex">The offset of the object's closing brace.</param>
/// <param name="HasMembers">Whether the object has at least one member.</param>
internal readonly record struct RequestFacts(string Prompt, string NegativePrompt, int CloseIndex, bool HasMembers);
