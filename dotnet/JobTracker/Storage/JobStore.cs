using JobTracker.Diagnostics;

namespace JobTracker.Storage;

/// <summary>
/// The tracked jobs: all in memory, persisted as a snapshot (<c>jobs.json</c>) plus an append-only
/// journal (<c>jobs.journal</c>), so a change appends one line instead of rewriting every job.
/// The journal is folded into a new snapshot on a background task once it grows long.
/// Thread-safe.
/// </summary>
public sealed class JobStore : IDisposable
{
    /// <summary>The error given to jobs that were still running when the process stopped.</summary>
    public const string RestartedError = "server restarted before the job finished";

    /// <summary>From this many jobs on, opening the store is followed by a full collection.</summary>
    private const int CollectAfterLoadFrom = 10_000;
    private static readonly TimeSpan CollectAfterLoadDelay = TimeSpan.FromMilliseconds(300);

    private readonly Lock _gate = new();
    private readonly JobIndex _index = new();
    private readonly ITrackerLog _log;
    private readonly JobStoreOptions _options;
    private readonly JournalWriter _journal;
    private readonly Compactor _compactor;
    private Task _compaction = Task.CompletedTask;
    private bool _snapshotBlocked;
    private bool _changesOnlyInMemory;
    private bool _disposed;

    private JobStore(StoreFiles files, ITrackerLog log, JobStoreOptions options)
    {
        Files = files;
        _log = log;
        _options = options;
        _journal = new JournalWriter(files.Journal, new FailureLatch(log, "writing the job journal"));
        _compactor = new Compactor(files, new FailureLatch(log, "compacting the job journal"));
    }

    /// <summary>Gets the files the store lives in.</summary>
    public StoreFiles Files { get; }

    /// <summary>Gets the number of jobs.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _index.Count;
            }
        }
    }

    /// <summary>Gets the number of lines in the current journal.</summary>
    public int JournalLines
    {
        get
        {
            lock (_gate)
            {
                return _journal.Lines;
            }
        }
    }

    /// <summary>
    /// Loads the store from <paramref name="files"/>: the snapshot, then an interrupted compaction's
    /// journal, then the journal. Jobs left Pending or Processing become Failed. An unreadable snapshot
    /// is moved aside (never overwritten) and the journals are still replayed.
    /// </summary>
    /// <param name="files">Where the store lives; its folder must exist.</param>
    /// <param name="log">Where problems are reported.</param>
    /// <param name="time">The clock, used to name a moved-aside snapshot.</param>
    /// <param name="options">Tuning; <see cref="JobStoreOptions.Default"/> when null.</param>
    /// <returns>The open store.</returns>
    /// <exception cref="IOException">A file exists but cannot be read.</exception>
    public static JobStore Open(StoreFiles files, ITrackerLog log, TimeProvider time, JobStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(time);
        var store = new JobStore(files, log, options ?? JobStoreOptions.Default);
        store.Load(time);
        return store;
    }

    /// <summary>Tells whether a job with this ID exists.</summary>
    /// <param name="id">The job ID.</param>
    /// <returns><see langword="true"/> if it exists.</returns>
    public bool Contains(string id)
    {
        lock (_gate)
        {
            return _index.Contains(id);
        }
    }

    /// <summary>Finds a job by ID in O(1).</summary>
    /// <param name="id">The job ID.</param>
    /// <returns>The job, or <see langword="null"/>.</returns>
    public JobRecord? Find(string id)
    {
        lock (_gate)
        {
            return _index.TryGet(id, out var job) ? job : null;
        }
    }

    /// <summary>Adds or replaces a job and journals it.</summary>
    /// <param name="job">The job.</param>
    public void Put(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        lock (_gate)
        {
            _index.Put(job);
            AfterAppendLocked(_journal.AppendRecord(job));
        }
    }

    /// <summary>Changes a job atomically and journals the result.</summary>
    /// <param name="id">The job ID.</param>
    /// <param name="change">Returns the new record, or the same instance to change nothing.</param>
    /// <returns>The job after the change, or <see langword="null"/> if there is no such job.</returns>
    public JobRecord? Update(string id, Func<JobRecord, JobRecord> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            if (!_index.TryGet(id, out var current))
            {
                return null;
            }

            var next = change(current!);
            if (!ReferenceEquals(next, current))
            {
                _index.Put(next);
                AfterAppendLocked(_journal.AppendRecord(next));
            }

            return next;
        }
    }

    /// <summary>Removes a job and journals the removal.</summary>
    /// <param name="id">The job ID.</param>
    /// <returns><see langword="true"/> if it existed.</returns>
    public bool Remove(string id)
    {
        lock (_gate)
        {
            if (!_index.Remove(id))
            {
                return false;
            }

            AfterAppendLocked(_journal.AppendDeletion(id));
            return true;
        }
    }

    /// <summary>Lists jobs newest first, walking only the index that fits the filter best.</summary>
    /// <param name="filter">What to keep.</param>
    /// <param name="limit">The most jobs to return.</param>
    /// <returns>The jobs, newest first.</returns>
    public IReadOnlyList<JobRecord> Newest(JobFilter filter, int limit)
    {
        ArgumentNullException.ThrowIfNull(filter);
        lock (_gate)
        {
            return _index.Newest(filter, limit);
        }
    }

    /// <summary>One page of the newest-first jobs that pass both criteria, for the tab's table (issue #5).</summary>
    /// <param name="filter">The indexed criteria.</param>
    /// <param name="match">A further test, called under the store's lock: keep it cheap.</param>
    /// <param name="skip">How many matching jobs to skip.</param>
    /// <param name="take">The most jobs to return.</param>
    /// <returns>The page and the number of matching jobs.</returns>
    public JobSlice Page(JobFilter filter, Func<JobRecord, bool> match, int skip, int take)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(match);
        lock (_gate)
        {
            var jobs = _index.Page(filter, match, skip, take, out var total);
            return new JobSlice(jobs, total);
        }
    }

    /// <summary>Lists jobs created before <paramref name="cutoff"/> that pass <paramref name="predicate"/>, oldest first.</summary>
    /// <param name="cutoff">Unix seconds.</param>
    /// <param name="predicate">Called under the store's lock: keep it cheap.</param>
    /// <returns>The jobs, oldest first.</returns>
    public IReadOnlyList<JobRecord> CreatedBefore(double cutoff, Func<JobRecord, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        lock (_gate)
        {
            return _index.CreatedBefore(cutoff, predicate);
        }
    }

    /// <summary>Copies every job, oldest first.</summary>
    /// <returns>The jobs.</returns>
    public IReadOnlyList<JobRecord> All()
    {
        lock (_gate)
        {
            return _index.OldestFirst();
        }
    }

    /// <summary>Folds the journal into a new snapshot now and waits for it.</summary>
    public void Compact()
    {
        Task running;
        lock (_gate)
        {
            running = _compaction;
        }

        running.Wait();
        lock (_gate)
        {
            StartCompactionLocked();
            running = _compaction;
        }

        running.Wait();
    }

    /// <summary>Waits until a background compaction, if any, has finished.</summary>
    /// <param name="timeout">How long to wait at most.</param>
    /// <returns><see langword="true"/> if none is running any more.</returns>
    public bool WaitForCompaction(TimeSpan timeout)
    {
        Task running;
        lock (_gate)
        {
            running = _compaction;
        }

        return running.Wait(timeout);
    }

    /// <summary>
    /// Folds the journal into jobs.json (so a clean stop leaves one readable file), waits for it and
    /// closes the journal. Later changes still reach the journal.
    /// </summary>
    public void Dispose()
    {
        WaitForCompaction(Timeout.InfiniteTimeSpan);
        lock (_gate)
        {
            if (_journal.Lines > 0 || _changesOnlyInMemory)
            {
                StartCompactionLocked();
            }

            _disposed = true;
        }

        WaitForCompaction(Timeout.InfiniteTimeSpan);
        lock (_gate)
        {
            _journal.Dispose();
        }
    }

    private void Load(TimeProvider time)
    {
        _index.BeginBulkLoad();
        _snapshotBlocked = !SnapshotLoader.Load(Files, _index, _log, time);
        var records = new JobRecordReader();
        var folded = JournalReader.Replay(Files.CompactingJournal, _index, records, _log);
        var journal = JournalReader.Replay(Files.Journal, _index, records, _log);
        _index.EndBulkLoad();
        if (_index.Count >= CollectAfterLoadFrom)
        {
            ReturnLoadGarbageSoon();
        }

        lock (_gate)
        {
            _journal.Resume(journal.Lines, journal.EndsTorn);
            foreach (var unfinished in _index.Newest(new JobFilter(JobStatus.Pending), int.MaxValue)
                         .Concat(_index.Newest(new JobFilter(JobStatus.Processing), int.MaxValue)))
            {
                var failed = unfinished with { Status = JobStatus.Failed, Error = RestartedError };
                _index.Put(failed);
                _changesOnlyInMemory |= !_journal.AppendRecord(failed);
            }

            if (File.Exists(Files.CompactingJournal) || folded.Lines > 0)
            {
                StartCompactionLocked();
            }
            else
            {
                CompactIfLongLocked();
            }
        }
    }

    /// <summary>
    /// Loading a large store leaves tens of megabytes of garbage (the records' parse, the index's build) that the GC
    /// would otherwise keep resident for the WebUI's whole life; one compacting collection returns it, at about 70 ms
    /// for 100,000 jobs. It runs on a pool thread shortly after start-up has returned: a collection pauses every .NET
    /// thread, and start-up's last steps would otherwise wait for it.
    /// </summary>
    private static void ReturnLoadGarbageSoon() =>
        _ = Task.Delay(CollectAfterLoadDelay).ContinueWith(
            _ => GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true), TaskScheduler.Default);

    private void AfterAppendLocked(bool appended)
    {
        if (!appended)
        {
            _changesOnlyInMemory = true;
            return;
        }

        if (_changesOnlyInMemory)
        {
            // The disk takes writes again: the changes the journal missed are saved with a new snapshot.
            StartCompactionLocked();
            return;
        }

        CompactIfLongLocked();
    }

    private void CompactIfLongLocked()
    {
        if (_journal.Lines > Math.Max(_options.MinimumCompactionLines, _index.Count / 2))
        {
            StartCompactionLocked();
        }
    }

    private void StartCompactionLocked()
    {
        if (!_compaction.IsCompleted || _snapshotBlocked || _disposed)
        {
            return;
        }

        var jobs = _index.OldestFirst();
        _journal.Close();
        if (!_compactor.DetachJournal())
        {
            return;
        }

        _journal.Restart();
        _changesOnlyInMemory = false;
        _compaction = Task.Run(() =>
        {
            if (!_compactor.WriteSnapshot(jobs))
            {
                lock (_gate)
                {
                    // Retried after the next change that reaches the journal.
                    _changesOnlyInMemory = true;
                }
            }
        });
    }
}
