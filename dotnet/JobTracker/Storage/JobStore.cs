using JobTracker.Diagnostics;

namespace JobTracker.Storage;

/// <summary>
/// The tracked jobs: all in memory, persisted as a snapshot (<c>jobs.json</c>) plus an append-only
/// journal (<c>jobs.journal</c>), so a change appends one line instead of rewriting every job.
/// The journal is folded into a new snapshot on a background task once it grows long.
/// Thread-safe. A change returns once its journal line is written, but the jobs' lock is never held while the disk
/// writes, so lookups and lists go on while a slow disk holds a writer.
/// </summary>
internal sealed class JobStore : IDisposable
{
    /// <summary>The error given to jobs that were still running when the process stopped.</summary>
    public const string RestartedError = "server restarted before the job finished";

    /// <summary>From this many jobs on, opening the store is followed by a full collection.</summary>
    private const int CollectAfterLoadFrom = 10_000;
    private static readonly TimeSpan CollectAfterLoadDelay = TimeSpan.FromMilliseconds(300);

    // Two locks: _gate guards the jobs in memory and the order of the journal's queue; _writing guards the journal
    // file. A change is made and queued under _gate, then written under _writing alone, so a lookup never waits for
    // the disk. _writing may take _gate for a moment; _gate never waits for _writing.
    private readonly Lock _gate = new();
    private readonly Lock _writing = new();
    private readonly JobIndex _index = new();
    private readonly ITrackerLog _log;
    private readonly JobStoreOptions _options;

    // Under _gate.
    private readonly Queue<JournalEntry> _queue = new();
    private long _queued;
    private int _linesSinceDetach;
    private bool _compactionQueued;
    private Task _compaction = Task.CompletedTask;
    private bool _snapshotBlocked;
    private bool _disposed;

    // Under _writing.
    private readonly JournalWriter _journal;
    private readonly Compactor _compactor;
    private long _written;
    private bool _changesOnlyInMemory;

    private JobStore(StoreFiles files, ITrackerLog log, JobStoreOptions options)
    {
        Files = files;
        _log = log;
        _options = options;
        _journal = new JournalWriter(files.Journal, new FailureLatch(log, "writing the job journal"), options.OpenJournal);
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

    /// <summary>Gets the number of lines in the current journal file (waits for a journal write under way).</summary>
    public int JournalLines
    {
        get
        {
            lock (_writing)
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

    /// <summary>Adds or replaces a job and journals it; returns once the journal has it (or could not take it).</summary>
    /// <param name="job">The job.</param>
    public void Put(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        long last;
        lock (_gate)
        {
            var entry = _index.TryGet(job.Id, out var previous) ? JournalEntry.Change(previous!, job) : JournalEntry.Record(job);
            _index.Put(job);
            last = QueueLocked(entry);
        }

        WriteThrough(last);
    }

    /// <summary>Changes a job atomically and journals the change; returns once the journal has it (or could not take it).</summary>
    /// <param name="id">The job ID.</param>
    /// <param name="change">Returns the new record, or the same instance to change nothing.</param>
    /// <returns>The job after the change, or <see langword="null"/> if there is no such job.</returns>
    public JobRecord? Update(string id, Func<JobRecord, JobRecord> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        JobRecord next;
        long last;
        lock (_gate)
        {
            if (!_index.TryGet(id, out var current))
            {
                return null;
            }

            next = change(current!);
            if (ReferenceEquals(next, current))
            {
                return next;
            }

            _index.Put(next);
            last = QueueLocked(JournalEntry.Change(current!, next));
        }

        WriteThrough(last);
        return next;
    }

    /// <summary>Removes a job and journals the removal.</summary>
    /// <param name="id">The job ID.</param>
    /// <returns><see langword="true"/> if it existed.</returns>
    public bool Remove(string id)
    {
        long last;
        lock (_gate)
        {
            if (!_index.Remove(id))
            {
                return false;
            }

            last = QueueLocked(JournalEntry.Deletion(id));
        }

        WriteThrough(last);
        return true;
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

    /// <summary>Lists the jobs that come after job <paramref name="beforeId"/> in newest-first order (the next page of a list).</summary>
    /// <param name="filter">What to keep.</param>
    /// <param name="limit">The most jobs to return.</param>
    /// <param name="beforeId">The last job of the previous page.</param>
    /// <param name="visible">Whether the caller may know of that job; called under the store's lock.</param>
    /// <returns>The jobs, newest first, or <see langword="null"/> if there is no such job the caller may see.</returns>
    public IReadOnlyList<JobRecord>? NewestBefore(JobFilter filter, int limit, string beforeId, Func<JobRecord, bool> visible)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(visible);
        lock (_gate)
        {
            return _index.TryGet(beforeId, out var cursor) && visible(cursor!)
                ? _index.Newest(filter, limit, JobOrderKey.Of(cursor!))
                : null;
        }
    }

    /// <summary>One page of the newest-first jobs that pass both criteria, for the tab's table.</summary>
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
        WaitForCompaction(Timeout.InfiniteTimeSpan);
        long last;
        lock (_gate)
        {
            QueueCompactionLocked();
            last = _queued;
        }

        WriteThrough(last);
        WaitForCompaction(Timeout.InfiniteTimeSpan);
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
        bool changesOnlyInMemory;
        lock (_writing)
        {
            changesOnlyInMemory = _changesOnlyInMemory;
        }

        long last;
        lock (_gate)
        {
            if (_linesSinceDetach > 0 || changesOnlyInMemory)
            {
                QueueCompactionLocked();
            }

            _disposed = true;
            last = _queued;
        }

        WriteThrough(last);
        WaitForCompaction(Timeout.InfiniteTimeSpan);
        lock (_writing)
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
            ReturnLoadGarbageSoon(time);
        }

        lock (_writing)
        {
            _journal.Resume(journal.Lines, journal.EndsTorn);
        }

        long last;
        lock (_gate)
        {
            _linesSinceDetach = journal.Lines;
            foreach (var unfinished in _index.Newest(new JobFilter(JobStatus.Pending), int.MaxValue)
                         .Concat(_index.Newest(new JobFilter(JobStatus.Processing), int.MaxValue)))
            {
                var failed = unfinished with { Status = JobStatus.Failed, Error = RestartedError };
                _index.Put(failed);
                QueueLocked(JournalEntry.Change(unfinished, failed));
            }

            if (File.Exists(Files.CompactingJournal) || folded.Lines > 0)
            {
                QueueCompactionLocked();
            }
            else
            {
                CompactIfLongLocked();
            }

            last = _queued;
        }

        WriteThrough(last);
    }

    /// <summary>
    /// Loading a large store leaves tens of megabytes of garbage (the records' parse, the index's build) that the GC
    /// would otherwise keep resident for the WebUI's whole life; one compacting collection returns it, at about 70 ms
    /// for 100,000 jobs. It runs on a pool thread shortly after start-up has returned: a collection pauses every .NET
    /// thread, and start-up's last steps would otherwise wait for it.
    /// </summary>
    private static void ReturnLoadGarbageSoon(TimeProvider time) =>
        _ = Task.Delay(CollectAfterLoadDelay, time).ContinueWith(
            _ => GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true), TaskScheduler.Default);

    /// <summary>Queues a change for the journal, in the order of the changes; returns the number of the last entry queued.</summary>
    private long QueueLocked(JournalEntry entry)
    {
        _queue.Enqueue(entry);
        _queued++;
        _linesSinceDetach++;
        CompactIfLongLocked();
        return _queued;
    }

    private void CompactIfLongLocked()
    {
        if (_linesSinceDetach > Math.Max(_options.MinimumCompactionLines, _index.Count / 2))
        {
            QueueCompactionLocked();
        }
    }

    /// <summary>
    /// Queues the start of a compaction with the jobs of this moment: every change queued before it goes to the
    /// journal being detached (and is in these jobs), every change after it to the fresh journal.
    /// </summary>
    private void QueueCompactionLocked()
    {
        if (_compactionQueued || _snapshotBlocked || _disposed)
        {
            return;
        }

        _compactionQueued = true;
        _queue.Enqueue(JournalEntry.Compaction(_index.OldestFirst()));
        _queued++;
        _linesSinceDetach = 0;
    }

    /// <summary>Writes the queued entries up to number <paramref name="last"/>, in order, under the writer lock only.</summary>
    private void WriteThrough(long last)
    {
        lock (_writing)
        {
            while (_written < last)
            {
                JournalEntry entry;
                lock (_gate)
                {
                    entry = _queue.Dequeue();
                }

                _written++;
                if (Write(entry) is { } more)
                {
                    last = Math.Max(last, more);
                }
            }
        }
    }

    /// <summary>Writes one entry; returns the number of a compaction it made necessary, if any.</summary>
    private long? Write(JournalEntry entry)
    {
        if (entry.Jobs is { } jobs)
        {
            Detach(jobs);
            return null;
        }

        var appended = entry.DeletedId is { } id ? _journal.AppendDeletion(id)
            : entry.Previous is { } previous ? _journal.AppendDelta(previous, entry.Job!)
            : _journal.AppendRecord(entry.Job!);
        if (!appended)
        {
            _changesOnlyInMemory = true;
            return null;
        }

        if (!_changesOnlyInMemory)
        {
            return null;
        }

        // The disk takes writes again: the changes the journal missed are saved with a new snapshot.
        lock (_gate)
        {
            QueueCompactionLocked();
            return _queued;
        }
    }

    private void Detach(IReadOnlyList<JobRecord> jobs)
    {
        _journal.Close();
        if (!_compactor.DetachJournal())
        {
            lock (_gate)
            {
                _compactionQueued = false;
            }

            return;
        }

        _journal.Restart();
        _changesOnlyInMemory = false;
        var compaction = Task.Run(() =>
        {
            if (!_compactor.WriteSnapshot(jobs))
            {
                lock (_writing)
                {
                    // Retried after the next change that reaches the journal.
                    _changesOnlyInMemory = true;
                }
            }

            lock (_gate)
            {
                _compactionQueued = false;
            }
        });
        lock (_gate)
        {
            _compaction = compaction;
        }
    }
}
