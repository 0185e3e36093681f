namespace JobTracker.Tests.Support;

/// <summary>A fixture with a fresh tracker, tracking on, per test.</summary>
public abstract class TrackingHarnessTestBase
{
    private protected TrackerHarness _harness = null!;

    [SetUp]
    public void StartHarness() => _harness = TrackerHarness.Tracking();

    [TearDown]
    public void StopHarness() => _harness.Dispose();
}
