using System.Runtime.CompilerServices;
using JobTracker.Interop;
using PublicApiGenerator;

namespace JobTracker.Tests;

/// <summary>
/// Pins the whole public API of the core: the Interop facade the Python shim calls, nothing else. A change shows
/// here as a diff against <c>JobTracker.approved.txt</c> (committed beside this file, as Serilog's ApiApprovalTests
/// do), not as a shim that breaks at WebUI start-up. To approve an intended change, run the test with
/// <c>JOBTRACKER_APPROVE_API=1</c> (or copy <c>JobTracker.received.txt</c> over the approved file) and commit it;
/// <c>tests/unit/test_shim_surface.py</c> then checks the shim calls nothing the approved API lacks.
/// </summary>
public class ApiApprovalTests
{
    private const string ApproveVariable = "JOBTRACKER_APPROVE_API";

    [Test]
    public void PublicApi_MatchesTheApprovedText()
    {
        var actual = Normalize(typeof(TrackerHost).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }));
        var approvedFile = Beside("JobTracker.approved.txt");
        var receivedFile = Beside("JobTracker.received.txt");
        var approved = File.Exists(approvedFile) ? Normalize(File.ReadAllText(approvedFile)) : string.Empty;
        if (actual == approved)
        {
            File.Delete(receivedFile);
            return;
        }

        if (Environment.GetEnvironmentVariable(ApproveVariable) == "1")
        {
            File.WriteAllText(approvedFile, actual);
            File.Delete(receivedFile);
            Assert.Pass($"approved the new public API into {approvedFile}; commit it");
        }

        File.WriteAllText(receivedFile, actual);
        Assert.Fail($"""
            The public API of JobTracker changed (only the Interop facade the Python shim calls may be public):
            {Diff(approved, actual)}
            If the change is intended, approve it: {ApproveVariable}=1 dotnet test dotnet/JobTracker.Tests --filter {nameof(ApiApprovalTests)}
            (or copy {receivedFile} over {approvedFile}), then commit the approved file.
            """);
    }

    [Test]
    public void PublicApi_HoldsOnlyTheInteropNamespace()
    {
        var outside = typeof(TrackerHost).Assembly.GetExportedTypes().Where(t => t.Namespace != typeof(TrackerHost).Namespace);
        Assert.That(outside.Select(t => t.FullName), Is.Empty, "public types outside JobTracker.Interop: make them internal");
    }

    private static string Beside(string name, [CallerFilePath] string thisFile = "") => Path.Combine(Path.GetDirectoryName(thisFile)!, name);

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").TrimEnd() + "\n";

    // A line diff good enough for an API listing: what the approved text has that the build lacks, and the reverse.
    private static string Diff(string approved, string actual)
    {
        var before = approved.Split('\n');
        var after = actual.Split('\n');
        var removed = before.Except(after).Select(line => "- " + line);
        var added = after.Except(before).Select(line => "+ " + line);
        return string.Join('\n', removed.Concat(added));
    }
}
