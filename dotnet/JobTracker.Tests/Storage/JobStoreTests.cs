using System.Diagnostics;
using System.Text.Json;
using JobTracker.Storage;
using JobTracker.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace JobTracker.Tests.Storage;

public class JobStoreTests
{
    private TempDirectory _directory = null!;
    private RecordingLog _log = null!;
    private FakeTimeProvider _time = null!;
    private StoreFiles _files = null!;

    [SetUp]
    public void SetUp()
    {
        _directory = new TempDirectory();
        _log = new RecordingLog();
        _time = TestClock.Create();
        _files = new StoreFiles(_directory.Path);
    }

    [TearDown]
    public void TearDown() => _directory.Dispose();

    [Test]
    public void Open_AfterChangesAndRestart_SameJobs()
    {
        string[] before;
        using (var store = Open())
        {
            store.Put(Jobs.Record(Jobs.Id(1), JobStatus.Completed, Jobs.BaseTime + 1));
            store.Put(Jobs.Record(Jobs.Id(2), JobStatus.Failed, Jobs.BaseTime + 2) with { Error = "boom", User = "alice", NegativePrompt = "ugly" });
            store.Put(Jobs.Record(Jobs.Id(3), JobStatus.Completed, Jobs.BaseTime + 3, prompt: "名前 \"quoted\"\nnew line"));
            store.Update(Jobs.Id(1), j => j with { Prompt = "changed" });
            store.Remove(Jobs.Id(3));
            before = Jobs.Canonical(store.All());
        }

        using var reopened = Open();
        Assert.Multiple(() =>
        {
            Assert.That(Jobs.Canonical(reopened.All()), Is.EqualTo(before));
            Assert.That(reopened.Find(Jobs.Id(1))!.Prompt, Is.EqualTo("changed"));
            Assert.That(reopened.Contains(Jobs.Id(3)), Is.False);
            Assert.That(_log.Lines, Is.Empty);
        });
    }

    [Test]
    public void Put_EachChange_AppendsOneJournalLine()
    {
        using var store = Open();
        store.Put(Jobs.Record(Jobs.Id(1)));
        store.Update(Jobs.Id(1), j => j with { Prompt = "x" });
        store.Update(Jobs.Id(1), j => j);
        store.Remove(Jobs.Id(1));
        var lines = File.ReadAllLines(_files.Journal);
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Length.EqualTo(3));
            Assert.That(store.JournalLines, Is.EqualTo(3));
            Assert.That(lines[2], Is.EqualTo($"{{\"deleted\":\"{Jobs.Id(1)}\"}}"));
            Assert.That(File.Exists(_files.Snapshot), Is.False);
        });
    }

    [Test]
    public void Dispose_AfterChanges_LeavesEverythingInTheSnapshot()
    {
        using (var store = Open())
        {
            store.Put(Jobs.Record(Jobs.Id(1)));
            store.Put(Jobs.Record(Jobs.Id(2)));
        }

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(_files.Snapshot), Does.Contain(Jobs.Id(1)).And.Contain(Jobs.Id(2)));
            Assert.That(File.Exists(_files.Journal) ? File.ReadAllText(_files.Journal) : string.Empty, Is.Empty);
        });
    }

    [Test]
    public void Put_Record_JournalLineHasSnakeCaseNames()
    {
        string journalLine;
        using (var store = Open())
        {
            store.Put(Jobs.Record(Jobs.Id(1)) with { NegativePrompt = "n", User = "bob" });
            journalLine = File.ReadAllLines(_files.Journal)[0];
        }

        var line = Utf8.Json(journalLine);
        Assert.Multiple(() =>
        {
            Assert.That(line.GetProperty("id").GetString(), Is.EqualTo(Jobs.Id(1)));
            Assert.That(line.GetProperty("negative_prompt").GetString(), Is.EqualTo("n"));
            Assert.That(line.GetProperty("status").GetString(), Is.EqualTo("Completed"));
            Assert.That(line.GetProperty("timestamp").ValueKind, Is.EqualTo(JsonValueKind.Number));
            Assert.That(line.GetProperty("images")[0].GetProperty("content_type").GetString(), Is.EqualTo("image/png"));
            Assert.That(line.GetProperty("legacy_output_paths").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public void Open_JournalWithTornLastLine_ReplaysTheRestAndLogs()
    {
        using (var store = Open())
        {
            store.Put(Jobs.Record(Jobs.Id(1)));
            store.Put(Jobs.Record(Jobs.Id(2)));
        }

        File.AppendAllText(_files.Journal, "{\"id\":\"AAAA0003\",\"kind\":\"txt2im");
        using (var store = Open())
        {
            Assert.Multiple(() =>
            {
                Assert.That(store.Count, Is.EqualTo(2));
                Assert.That(_log.Count("incomplete last line"), Is.EqualTo(1));
            });
            store.Put(Jobs.Record(Jobs.Id(4)));
        }

        using var again = Open();
        Assert.That(again.All().Select(j => j.Id), Is.EquivalentTo(new[] { Jobs.Id(1), Jobs.Id(2), Jobs.Id(4) }));
    }

    [Test]
    public void Open_UnreadableMiddleLine_SkippedAndLogged()
    {
        File.WriteAllText(_files.Journal, $"{Line(Jobs.Id(1))}\nnot json\n{Line(Jobs.Id(2))}\n");
        using var store = Open();
        Assert.Multiple(() =>
        {
            Assert.That(store.Count, Is.EqualTo(2));
            Assert.That(_log.Count("skipped unreadable line 2"), Is.EqualTo(1));
        });
    }

    [Test]
    public void Compact_Explicit_SnapshotEqualsMemoryAndJournalEmpty()
    {
        using var store = Open();
        for (var i = 0; i < 10; i++)
        {
            store.Put(Jobs.Record(Jobs.Id(i), JobStatus.Completed, Jobs.BaseTime + i));
        }

        store.Remove(Jobs.Id(4));
        store.Update(Jobs.Id(5), j => j with { Status = JobStatus.Failed, Error = "e" });
        store.Compact();
        Assert.Multiple(() =>
        {
            Assert.That(Jobs.Canonical(ReadSnapshot()), Is.EqualTo(Jobs.Canonical(store.All())));
            Assert.That(store.JournalLines, Is.Zero);
            Assert.That(!File.Exists(_files.Journal) || new FileInfo(_files.Journal).Length == 0, Is.True);
            Assert.That(File.Exists(_files.CompactingJournal), Is.False);
            Assert.That(File.Exists(_files.SnapshotTemp), Is.False);
        });
    }

    [Test]
    public void Compact_Snapshot_OneRecordPerLine()
    {
        using var store = Open();
        store.Put(Jobs.Record(Jobs.Id(1)));
        store.Put(Jobs.Record(Jobs.Id(2)));
        store.Compact();
        var lines = File.ReadAllLines(_files.Snapshot);
        Assert.That(lines, Has.Length.EqualTo(4));
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("["));
            Assert.That(lines[1], Does.StartWith("{\"id\":\"AAAA0001\"").And.EndWith("},"));
            Assert.That(lines[3], Is.EqualTo("]"));
        });
    }

    [Test]
    public void Put_JournalPastThreshold_CompactsInBackground()
    {
        using var store = Open(new JobStoreOptions { MinimumCompactionLines = 5 });
        for (var i = 0; i < 6; i++)
        {
            store.Put(Jobs.Record(Jobs.Id(i), JobStatus.Completed, Jobs.BaseTime + i));
        }

        Assert.That(store.WaitForCompaction(TimeSpan.FromSeconds(10)), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(store.JournalLines, Is.Zero);
            Assert.That(ReadSnapshot(), Has.Count.EqualTo(6));
            Assert.That(File.Exists(_files.CompactingJournal), Is.False);
        });
    }

    [Test]
    public void Put_ManyJobs_ThresholdIsHalfTheJobs()
    {
        using var store = Open(new JobStoreOptions { MinimumCompactionLines = 2 });
        for (var i = 0; i < 3; i++)
        {
            store.Put(Jobs.Record(Jobs.Id(i), JobStatus.Completed, Jobs.BaseTime + i));
        }

        store.WaitForCompaction(TimeSpan.FromSeconds(10));
        for (var i = 3; i < 20; i++)
        {
            store.Put(Jobs.Record(Jobs.Id(i), JobStatus.Completed, Jobs.BaseTime + i));
            store.WaitForCompaction(TimeSpan.FromSeconds(10));
        }

        store.Compact();
        for (var n = 1; n <= 10; n++)
        {
            store.Update(Jobs.Id(0), j => j with { Prompt = "p" + n });
        }

        Assert.That(store.JournalLines, Is.EqualTo(10), "20 jobs: the journal may reach 10 lines before compacting");
        store.Update(Jobs.Id(0), j => j with { Prompt = "p11" });
        store.WaitForCompaction(TimeSpan.FromSeconds(10));
        Assert.That(store.JournalLines, Is.Zero);
    }

    [Test]
    public void Open_CrashAfterJournalRenamed_ReplaysSnapshotThenCompactingThenJournal()
    {
        WriteSnapshot(Jobs.Record(Jobs.Id(1), prompt: "old"), Jobs.Record(Jobs.Id(2)));
        File.WriteAllText(_files.CompactingJournal, $"{Line(Jobs.Id(1), "newer")}\n{{\"deleted\":\"{Jobs.Id(2)}\"}}\n{Line(Jobs.Id(3))}\n");
        File.WriteAllText(_files.Journal, $"{Line(Jobs.Id(3), "newest")}\n");
        using var store = Open();
        Assert.That(store.WaitForCompaction(TimeSpan.FromSeconds(10)), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(store.All().Select(j => (j.Id, j.Prompt)), Is.EqualTo(new[] { (Jobs.Id(1), "newer"), (Jobs.Id(3), "newest") }));
            Assert.That(File.Exists(_files.CompactingJournal), Is.False, "startup finishes the interrupted compaction");
            Assert.That(Jobs.Canonical(ReadSnapshot()), Is.EqualTo(Jobs.Canonical(store.All())));
        });
    }

    [Test]
    public void Open_CrashAfterSnapshotRenamedBeforeCompactingDeleted_SameState()
    {
        // The new snapshot already includes the .compacting lines; replaying them again is harmless.
        WriteSnapshot(Jobs.Record(Jobs.Id(1), prompt: "newer"), Jobs.Record(Jobs.Id(3)));
        File.WriteAllText(_files.CompactingJournal, $"{Line(Jobs.Id(2))}\n{Line(Jobs.Id(1), "newer")}\n{{\"deleted\":\"{Jobs.Id(2)}\"}}\n{Line(Jobs.Id(3))}\n");
        File.WriteAllText(_files.Journal, $"{Line(Jobs.Id(4))}\n");
        using var store = Open();
        store.WaitForCompaction(TimeSpan.FromSeconds(10));
        Assert.That(store.All().Select(j => j.Id), Is.EqualTo(new[] { Jobs.Id(1), Jobs.Id(3), Jobs.Id(4) }));
    }

    [Test]
    public void Open_LeftoverCompactingJournal_NewChangesKeptAcrossNextRestart()
    {
        File.WriteAllText(_files.CompactingJournal, $"{Line(Jobs.Id(1))}\n");
        using (var store = Open())
        {
            store.WaitForCompaction(TimeSpan.FromSeconds(10));
            store.Put(Jobs.Record(Jobs.Id(2)));
        }

        using var reopened = Open();
        Assert.That(reopened.All().Select(j => j.Id), Is.EqualTo(new[] { Jobs.Id(1), Jobs.Id(2) }));
    }

    [TestCase(nameof(JobStatus.Pending))]
    [TestCase(nameof(JobStatus.Processing))]
    public void Open_UnfinishedJob_BecomesFailedAndIsPersisted(string statusName)
    {
        var status = Enum.Parse<JobStatus>(statusName);
        using (var store = Open())
        {
            store.Put(Jobs.Record(Jobs.Id(1), status));
            store.Put(Jobs.Record(Jobs.Id(2), JobStatus.Completed));
        }

        using (var store = Open())
        {
            Assert.Multiple(() =>
            {
                Assert.That(store.Find(Jobs.Id(1))!.Status, Is.EqualTo(JobStatus.Failed));
                Assert.That(store.Find(Jobs.Id(1))!.Error, Is.EqualTo(JobStore.RestartedError));
                Assert.That(store.Find(Jobs.Id(2))!.Status, Is.EqualTo(JobStatus.Completed));
            });
        }

        using var reopened = Open();
        Assert.That(reopened.Find(Jobs.Id(1))!.Status, Is.EqualTo(JobStatus.Failed));
    }

    [Test]
    public void Open_CorruptSnapshot_MovedAsideAndJournalRecovered()
    {
        File.WriteAllText(_files.Snapshot, "[{\"id\":\"AAAA0001\", \"prompt\": ");
        File.WriteAllText(_files.Journal, $"{Line(Jobs.Id(2))}\n");
        using var store = Open();
        store.WaitForCompaction(TimeSpan.FromSeconds(10));
        var aside = _files.Snapshot + ".corrupt-" + _time.GetUtcNow().ToUnixTimeSeconds();
        Assert.Multiple(() =>
        {
            Assert.That(store.All().Select(j => j.Id), Is.EqualTo(new[] { Jobs.Id(2) }));
            Assert.That(File.ReadAllText(aside), Is.EqualTo("[{\"id\":\"AAAA0001\", \"prompt\": "));
            Assert.That(_log.Count("moved it to"), Is.EqualTo(1));
        });
        store.Compact();
        Assert.That(File.Exists(aside), Is.True, "the corrupt file is never replaced");
    }

    [Test]
    public void Open_LargeSnapshotDamagedEarly_IntactLinesRecovered()
    {
        // Many chunks long, damaged in the first: the parse stops there, and the move aside and salvage still recover the rest.
        var prompt = new string('p', 600);
        var lines = Enumerable.Range(0, 8000).Select(n => Line(Jobs.Id(n), prompt)).ToList();
        lines[100] = lines[100][..50];
        File.WriteAllText(_files.Snapshot, "[\n" + string.Join(",\n", lines) + "\n]\n");
        Assert.That(new FileInfo(_files.Snapshot).Length, Is.GreaterThan(4 * SnapshotReader.ChunkSize));
        using var store = Open();
        Assert.Multiple(() =>
        {
            Assert.That(store.Count, Is.EqualTo(7999));
            Assert.That(store.Find(Jobs.Id(7999))!.Prompt, Is.EqualTo(prompt));
            Assert.That(_log.Count("recovered 7999 job(s) from its intact lines"), Is.EqualTo(1));
            Assert.That(Directory.GetFiles(_directory.Path, "jobs.json.corrupt-*"), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public void Open_SnapshotCutShort_IntactLinesAndJournalRecovered()
    {
        using (var writer = Open())
        {
            for (var n = 1; n <= 3; n++)
            {
                writer.Put(Jobs.Record(Jobs.Id(n), created: Jobs.BaseTime + n));
            }
        }

        var whole = File.ReadAllText(_files.Snapshot);
        File.WriteAllText(_files.Snapshot, whole[..(whole.IndexOf(Jobs.Id(3), StringComparison.Ordinal) + 20)]);
        File.WriteAllText(_files.Journal, $"{Line(Jobs.Id(4))}\n");
        using var store = Open();
        Assert.Multiple(() =>
        {
            Assert.That(store.All().Select(j => j.Id), Is.EquivalentTo(new[] { Jobs.Id(1), Jobs.Id(2), Jobs.Id(4) }));
            Assert.That(_log.Count("recovered 2 job(s) from its intact lines"), Is.EqualTo(1));
            Assert.That(Directory.GetFiles(_directory.Path, "jobs.json.corrupt-*"), Has.Length.EqualTo(1));
        });
    }

    [TestCase("{\"not\": \"an array\"}")]
    [TestCase("garbage")]
    [TestCase("[1, 2] trailing")]
    public void Open_SnapshotNotAnArray_MovedAside(string content)
    {
        File.WriteAllText(_files.Snapshot, content);
        using var store = Open();
        Assert.Multiple(() =>
        {
            Assert.That(store.Count, Is.Zero);
            Assert.That(File.Exists(_files.Snapshot), Is.False);
            Assert.That(Directory.GetFiles(_directory.Path, "jobs.json.corrupt-*"), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public void Open_SnapshotWithUnusableRecord_SkipsItAndKeepsCopy()
    {
        File.WriteAllText(_files.Snapshot, $"[{Line(Jobs.Id(1))}, {{\"id\": \"bad id!\"}}, {{\"id\": 5}}]");
        using var store = Open();
        Assert.Multiple(() =>
        {
            Assert.That(store.All().Select(j => j.Id), Is.EqualTo(new[] { Jobs.Id(1) }));
            Assert.That(_log.Count("skipped 2 unusable job record(s)"), Is.EqualTo(1));
            Assert.That(Directory.GetFiles(_directory.Path, "jobs.json.corrupt-*"), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public void Open_OriginalExtensionJobsJson_Imported()
    {
        const string original = """
            [
              {"id": "A3f9K2xY", "prompt": "beautiful landscape", "ip": "192.168.1.100", "timestamp": 1736712000, "status": "Completed",
               "output_paths": ["/old/output/A3f9K2xY_0.png", "/old/output/A3f9K2xY_1.png"], "batch": 2},
              {"id": "B3f9K2xY", "prompt": "one", "ip": "192.168.1.101", "timestamp": 1736712001.75, "status": "Completed",
               "output_path": "output/B3f9K2xY.png"},
              {"id": "C3f9K2xY", "prompt": "failed", "ip": "192.168.1.101", "timestamp": 1736712002, "status": "Failed"},
              {"id": "D3f9K2xY", "prompt": "odd", "ip": "192.168.1.101", "timestamp": "1736712003", "status": "weird"}
            ]
            """;
        File.WriteAllText(_files.Snapshot, original);
        using var store = Open();
        var a = store.Find("A3f9K2xY")!;
        var b = store.Find("B3f9K2xY")!;
        var c = store.Find("C3f9K2xY")!;
        var d = store.Find("D3f9K2xY")!;
        Assert.Multiple(() =>
        {
            Assert.That(store.Count, Is.EqualTo(4));
            Assert.That(a.LegacyOutputPaths, Is.EqualTo(new[] { "/old/output/A3f9K2xY_0.png", "/old/output/A3f9K2xY_1.png" }));
            Assert.That(a.Prompt, Is.EqualTo("beautiful landscape"));
            Assert.That(a.Ip, Is.EqualTo("192.168.1.100"));
            Assert.That(a.Timestamp, Is.EqualTo(1736712000));
            Assert.That(a.Kind, Is.Null);
            Assert.That(a.Images, Is.Empty);
            Assert.That(b.LegacyOutputPaths, Is.EqualTo(new[] { "output/B3f9K2xY.png" }));
            Assert.That(b.Timestamp, Is.EqualTo(1736712001));
            Assert.That(c.LegacyOutputPaths, Is.Empty);
            Assert.That(c.Status, Is.EqualTo(JobStatus.Failed));
            Assert.That(d.Status, Is.EqualTo(JobStatus.Failed));
            Assert.That(d.Error, Does.Contain("unknown status"));
            Assert.That(d.Timestamp, Is.EqualTo(1736712003));
            Assert.That(File.Exists(_files.Snapshot), Is.True, "the original file is imported, not moved");
            Assert.That(File.ReadAllText(_files.OriginalSnapshot), Is.EqualTo(original));
            Assert.That(_log.Count("imported 4 job(s)"), Is.EqualTo(1));
        });

        store.Compact();
        using var reopened = Open();
        Assert.Multiple(() =>
        {
            Assert.That(reopened.Find("A3f9K2xY")!.LegacyOutputPaths, Has.Count.EqualTo(2));
            Assert.That(File.ReadAllText(_files.OriginalSnapshot), Is.EqualTo(original), "the copy is made once, never replaced");
            Assert.That(_log.Count("imported"), Is.EqualTo(1), "after the rewrite the records are in the tracker's format");
        });
    }

    [Test]
    public void Open_OwnSnapshot_NoOriginalCopy()
    {
        using (var store = Open())
        {
            store.Put(Jobs.Record(Jobs.Id(1)));
            store.Compact();
        }

        using var reopened = Open();
        Assert.That(File.Exists(_files.OriginalSnapshot), Is.False);
    }

    [Test]
    public void Put_JournalCannotBeWritten_LoggedOnceAndMemoryKept()
    {
        Directory.CreateDirectory(_files.Journal);
        using var store = Open();
        store.Put(Jobs.Record(Jobs.Id(1)));
        store.Put(Jobs.Record(Jobs.Id(2)));
        Assert.Multiple(() =>
        {
            Assert.That(store.Count, Is.EqualTo(2));
            Assert.That(_log.Count("cannot append"), Is.EqualTo(1));
        });

        Directory.Delete(_files.Journal);
        store.Put(Jobs.Record(Jobs.Id(3)));
        Assert.That(_log.Count("writing the job journal works again"), Is.EqualTo(1));
    }

    [Test]
    public void Newest_Filters_NewestFirstAndOnlyMatches()
    {
        using var store = Open();
        store.Put(Jobs.Record(Jobs.Id(1), JobStatus.Completed, Jobs.BaseTime + 10, ip: "a"));
        store.Put(Jobs.Record(Jobs.Id(2), JobStatus.Failed, Jobs.BaseTime + 20, ip: "b"));
        store.Put(Jobs.Record(Jobs.Id(3), JobStatus.Completed, Jobs.BaseTime + 30, ip: "b"));
        store.Put(Jobs.Record(Jobs.Id(4), JobStatus.Pending, Jobs.BaseTime + 30.5, ip: "a"));
        Assert.Multiple(() =>
        {
            Assert.That(Ids(store.Newest(JobFilter.None, 50)), Is.EqualTo(new[] { 4, 3, 2, 1 }));
            Assert.That(Ids(store.Newest(JobFilter.None, 2)), Is.EqualTo(new[] { 4, 3 }));
            Assert.That(Ids(store.Newest(new JobFilter(Ip: "a"), 50)), Is.EqualTo(new[] { 4, 1 }));
            Assert.That(Ids(store.Newest(new JobFilter(JobStatus.Completed), 50)), Is.EqualTo(new[] { 3, 1 }));
            Assert.That(Ids(store.Newest(new JobFilter(JobStatus.Completed, "b"), 50)), Is.EqualTo(new[] { 3 }));
            Assert.That(Ids(store.Newest(new JobFilter(After: Jobs.BaseTime + 20), 50)), Is.EqualTo(new[] { 4, 3 }));
            Assert.That(Ids(store.Newest(new JobFilter(After: Jobs.BaseTime + 19.5), 50)), Is.EqualTo(new[] { 4, 3, 2 }));
            Assert.That(Ids(store.Newest(new JobFilter(After: Jobs.BaseTime + 30), 50)), Is.Empty, "timestamp is whole seconds");
            Assert.That(Ids(store.Newest(new JobFilter(After: 1e300), 50)), Is.Empty);
            Assert.That(Ids(store.Newest(new JobFilter(Ip: "nobody"), 50)), Is.Empty);
            Assert.That(Ids(store.Newest(new JobFilter(JobStatus.Processing), 50)), Is.Empty);
        });
    }

    [Test]
    public void Update_StatusChange_MovesBetweenStatusIndexes()
    {
        using var store = Open();
        store.Put(Jobs.Record(Jobs.Id(1), JobStatus.Pending));
        store.Update(Jobs.Id(1), j => j with { Status = JobStatus.Processing });
        Assert.Multiple(() =>
        {
            Assert.That(store.Newest(new JobFilter(JobStatus.Pending), 50), Is.Empty);
            Assert.That(Ids(store.Newest(new JobFilter(JobStatus.Processing), 50)), Is.EqualTo(new[] { 1 }));
        });
    }

    [Test]
    public void Newest_SelectiveFilterOverLargeHistory_Fast()
    {
        using var store = Open();
        for (var i = 0; i < 20_000; i++)
        {
            var id = "B" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
            store.Put(Jobs.Record(id, JobStatus.Completed, Jobs.BaseTime + i, ip: i == 5 ? "rare" : "common"));
        }

        var watch = Stopwatch.StartNew();
        for (var n = 0; n < 1000; n++)
        {
            Assert.That(store.Newest(new JobFilter(Ip: "rare"), 50), Has.Count.EqualTo(1));
        }

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)), "an ip filter walks only that ip's jobs");
    }

    // The target is well under 1 s for an optimized build on a developer machine (measured ~0.5-0.9 s on the
    // 2-core build VM); the bound here only catches an accidental quadratic load, and the time is printed.
    [Test]
    [Category("Performance")]
    public void Open_HundredThousandJobs_Fast()
    {
        var jobs = Enumerable.Range(0, 100_000)
            .Select(i => Jobs.Record("P" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture), JobStatus.Completed, Jobs.BaseTime + i, ip: "10.0.0." + (i % 50)))
            .ToList();
        using (var writer = Open())
        {
            foreach (var job in jobs.Take(99_000))
            {
                writer.Put(job);
            }

            writer.Compact();
            foreach (var job in jobs.Skip(99_000))
            {
                writer.Put(job);
            }
        }

        Open().Dispose();
        var watch = Stopwatch.StartNew();
        using var store = Open();
        var elapsed = watch.Elapsed;
        TestContext.Out.WriteLine($"opened {store.Count} jobs in {elapsed.TotalMilliseconds:F0} ms");
        Assert.Multiple(() =>
        {
            Assert.That(store.Count, Is.EqualTo(100_000));
            Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(3)));
        });
    }

    [Test]
    public void Put_JournalUnwritableThenWritable_LogsOnceAndSavesTheMissedChanges()
    {
        // A folder where the journal file should be makes every append fail, as a full disk would.
        Directory.CreateDirectory(_files.Journal);
        var store = Open();
        store.Put(Jobs.Record(Jobs.Id(1)));
        store.Put(Jobs.Record(Jobs.Id(2)));
        store.Update(Jobs.Id(1), j => j with { Status = JobStatus.Failed, Error = "no space" });
        Assert.That(_log.Count("cannot append to"), Is.EqualTo(1));

        Directory.Delete(_files.Journal);
        store.Put(Jobs.Record(Jobs.Id(3)));
        Assert.That(store.WaitForCompaction(TimeSpan.FromSeconds(30)), Is.True);

        // No Dispose: a crash right after recovery still finds every job.
        using var reopened = JobStore.Open(_files, new RecordingLog(), _time);
        Assert.Multiple(() =>
        {
            Assert.That(reopened.Count, Is.EqualTo(3));
            Assert.That(reopened.Find(Jobs.Id(1))!.Error, Is.EqualTo("no space"));
            Assert.That(_log.Count("works again"), Is.EqualTo(1));
            Assert.That(File.Exists(_files.SnapshotTemp), Is.False);
        });
        store.Dispose();
    }

    private JobStore Open(JobStoreOptions? options = null) => JobStore.Open(_files, _log, _time, options);

    private static string Line(string id, string prompt = "a cat")
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        StoreRecordCodec.WriteRecord(buffer, Jobs.Record(id, prompt: prompt));
        return Utf8.Text(buffer);
    }

    private void WriteSnapshot(params JobRecord[] jobs) => SnapshotWriter.Write(_files, jobs);

    private List<JobRecord> ReadSnapshot() => SnapshotReader.Read(_files.Snapshot).Jobs;

    private static int[] Ids(IEnumerable<JobRecord> jobs) => jobs.Select(j => int.Parse(j.Id[4..], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
