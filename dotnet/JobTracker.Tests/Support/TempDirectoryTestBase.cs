namespace JobTracker.Tests.Support;

/// <summary>A fixture with a fresh temporary folder and a recording log per test.</summary>
public abstract class TempDirectoryTestBase
{
    private protected TempDirectory _directory = null!;
    private protected RecordingLog _log = null!;

    [SetUp]
    public void CreateDirectoryAndLog()
    {
        _directory = new TempDirectory();
        _log = new RecordingLog();
    }

    [TearDown]
    public void DeleteDirectory() => _directory.Dispose();
}
