using System.Text;
using JobTracker.Storage;
using JobTracker.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace JobTracker.Tests.Storage;

/// <summary>What the journal costs and who waits for it: deltas for a job's changes, and lookups that never wait for the disk.</summary>
public class JobStoreJournalTests : TempDirectoryTestBase
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private FakeTimeProvider _time = null!;
    private StoreFiles _files = null!;

    [SetUp]
    public void SetUp()
    {
        _time = TestClock.Create();
        _files = new StoreFiles(_directory.Path);
    }

    [Test]
    public void Update_LifeOfAJob_PromptWrittenOnce()
    {
        var prompt = new string('p', 100_000);
        using var store = Open();
        LiveThrough(store, Jobs.Id(1), prompt);
        var journal = File.ReadAllText(_files.Journal);
        Assert.That(CountOf(journal, prompt), Is.EqualTo(1), "the prompt is in the Pending record only");
        Assert.That(journal.Length, Is.LessThan(prompt.Length + 1000), journal.Length.ToString());
    }

    [Test]
    public void Open_AfterDeltas_SameJobAsInMemory()
    {
        string expected;
        var store = Open();
        LiveThrough(store, Jobs.Id(1), "a lighthouse");
        store.Update(Jobs.Id(1), j => j with { Error = "later", Images = [new StoredImage("other.png", "image/png")], InfoFile = "x.json" });
        store.Put(Jobs.Record(Jobs.Id(2), JobStatus.Pending));
        store.Update(Jobs.Id(2), j => j with { Status = JobStatus.Failed, Error = "boom", Finished = Jobs.BaseTime + 9 });
        store.Update(Jobs.Id(2), j => j with { Error = null });
        expected = string.Join("\n", Jobs.Canonical(store.All()));

        // Read back from the journal alone, as after a crash (no compaction at dispose).
        var lines = File.ReadAllLines(_files.Journal);
        Assert.That(lines.Count(l => l.StartsWith("{\"update\":", StringComparison.Ordinal)), Is.EqualTo(5), string.Join("\n", lines));
        File.Copy(_files.Journal, _directory.File("copy"));
        store.Dispose();
        File.Delete(_files.Snapshot);
        File.Move(_directory.File("copy"), _files.Journal, overwrite: true);

        using var reopened = Open();
        Assert.Multiple(() =>
        {
            Assert.That(string.Join("\n", Jobs.Canonical(reopened.All())), Is.EqualTo(expected));
            Assert.That(_log.Lines, Is.Empty);
        });
    }

    [Test]
    public void Update_ChangesTheRecordItself_WholeRecordJournaled()
    {
        using var store = Open();
        store.Put(Jobs.Record(Jobs.Id(1)));
        store.Update(Jobs.Id(1), j => j with { Prompt = "changed" });
        var lines = File.ReadAllLines(_files.Journal);
        Assert.That(lines[1], Does.StartWith("{\"id\":"));
    }

    [Test]
    public void Open_UpdateOfAPurgedJob_ChangesNothing()
    {
        File.WriteAllText(_files.Journal, $"{{\"update\":\"{Jobs.Id(7)}\",\"status\":\"Completed\"}}\n");
        using var store = Open();
        Assert.Multiple(() =>
        {
            Assert.That(store.Count, Is.Zero);
            Assert.That(_log.Lines, Is.Empty);
        });
    }

    [Test]
    public void Open_UpdateWithUnknownStatus_SkippedAndLogged()
    {
        using (var store = Open())
        {
            store.Put(Jobs.Record(Jobs.Id(1), JobStatus.Pending));
        }

        File.AppendAllText(_files.Journal, $"{{\"update\":\"{Jobs.Id(1)}\",\"status\":\"Exploded\"}}\n");
        using var reopened = Open();
        Assert.Multiple(() =>
        {
            Assert.That(reopened.Find(Jobs.Id(1))!.Status, Is.EqualTo(JobStatus.Failed), "restarted before it finished");
            Assert.That(_log.Lines, Has.Some.Contains("unknown status"));
        });
    }

    [Test]
    public void Find_WhileTheJournalDiskStalls_Answers()
    {
        StallingStream? journal = null;
        var options = new JobStoreOptions { OpenJournal = path => journal = new StallingStream(path) };
        using var store = Open(options);
        var writer = Task.Run(() => store.Put(Jobs.Record(Jobs.Id(2), JobStatus.Pending)));
        Assert.That(SpinWait.SpinUntil(() => journal?.Entered.IsSet == true, Deadline), Is.True, "the write never started");

        // The writer holds the disk; the jobs' lock is free.
        var lookup = Task.Run(() => (store.Find(Jobs.Id(2)), store.Newest(JobFilter.None, 10).Count, store.Contains(Jobs.Id(1))));
        var answered = lookup.Wait(Deadline);
        var putReturned = writer.IsCompleted;
        journal!.Release();
        Assert.That(writer.Wait(Deadline), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(answered, Is.True, "a lookup waited for the stalled journal write");
            Assert.That(lookup.Result.Item1?.Id, Is.EqualTo(Jobs.Id(2)));
            Assert.That(putReturned, Is.False, "Put returned before its journal line was written");
            Assert.That(File.ReadAllText(_files.Journal), Does.Contain(Jobs.Id(2)));
        });
    }

    [Test]
    public void Put_FromManyThreads_JournalKeepsTheOrderOfTheChanges()
    {
        using (var store = Open())
        {
            Parallel.For(0, 200, n =>
            {
                var id = Jobs.Id(n);
                store.Put(Jobs.Record(id, JobStatus.Pending));
                store.Update(id, j => j with { Status = JobStatus.Processing, Started = Jobs.BaseTime + 1 });
                store.Update(id, j => j with { Status = JobStatus.Completed, Finished = Jobs.BaseTime + 2 });
            });
            File.Copy(_files.Journal, _directory.File("copy"));
        }

        File.Delete(_files.Snapshot);
        File.Move(_directory.File("copy"), _files.Journal, overwrite: true);
        using var reopened = Open();
        var statuses = reopened.All().Select(j => j.Status).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(statuses, Has.Count.EqualTo(200));
            Assert.That(statuses, Has.All.EqualTo(JobStatus.Completed));
        });
    }

    private static void LiveThrough(JobStore store, string id, string prompt)
    {
        store.Put(Jobs.Record(id, JobStatus.Pending, prompt: prompt));
        store.Update(id, j => j with { Status = JobStatus.Processing, Started = Jobs.BaseTime + 1 });
        store.Update(id, j => j with
        {
            Status = JobStatus.Completed,
            Finished = Jobs.BaseTime + 2,
            Images = [new StoredImage(id + "-0.png", "image/png"), new StoredImage(id + "-1.webp", "image/webp")],
            InfoFile = id + "-info.json",
        });
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private JobStore Open(JobStoreOptions? options = null) => JobStore.Open(_files, _log, _time, options);
}
