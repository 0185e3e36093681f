namespace JobTracker.Storage;

/// <summary>A journal line that removes a job: <c>{"deleted":"&lt;id&gt;"}</c>.</summary>
/// <param name="Deleted">The ID of the removed job.</param>
internal sealed record JournalDeletion(string Deleted);
