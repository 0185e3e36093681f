using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace JobTracker.Storage;

/// <summary>
/// The in-memory jobs: by ID, in creation order, and in creation order per status, per client
/// address and per user, so a selective newest-first list walks only the jobs that can match. Not thread-safe;
/// <see cref="JobStore"/> guards it.
/// </summary>
internal sealed class JobIndex
{
    private readonly Dictionary<string, JobRecord> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<JobStatus, SortedSet<JobOrderKey>> _byStatus = [];
    private readonly Dictionary<string, SortedSet<JobOrderKey>> _byIp = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<JobOrderKey>> _byUser = new(StringComparer.Ordinal);
    private SortedSet<JobOrderKey> _all = [];
    private bool _loading;

    public int Count => _byId.Count;

    public bool Contains(string id) => _byId.ContainsKey(id);

    public bool TryGet(string id, out JobRecord? job) => _byId.TryGetValue(id, out job);

    /// <summary>
    /// Until <see cref="EndBulkLoad"/>, jobs are only collected by ID; the ordered indexes are then built in
    /// one go, which is several times faster than inserting 100,000 jobs one by one.
    /// </summary>
    public void BeginBulkLoad()
    {
        if (_byId.Count > 0)
        {
            throw new InvalidOperationException("a bulk load must start from an empty index");
        }

        _loading = true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EndBulkLoad()
    {
        _loading = false;
        var keys = new JobOrderKey[_byId.Count];
        var i = 0;
        foreach (var job in _byId.Values)
        {
            keys[i++] = JobOrderKey.Of(job);
        }

        Array.Sort(keys);
        var byStatus = new Dictionary<JobStatus, List<JobOrderKey>>();
        var byIp = new Dictionary<string, List<JobOrderKey>>(StringComparer.Ordinal);
        var byUser = new Dictionary<string, List<JobOrderKey>>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var job = _byId[key.Id];
            CollectionFor(byStatus, job.Status).Add(key);
            CollectionFor(byIp, job.Ip).Add(key);
            if (job.User is { } user)
            {
                CollectionFor(byUser, user).Add(key);
            }
        }

        _all = new SortedSet<JobOrderKey>(keys);
        foreach (var (status, list) in byStatus)
        {
            _byStatus[status] = new SortedSet<JobOrderKey>(list);
        }

        foreach (var (ip, list) in byIp)
        {
            _byIp[ip] = new SortedSet<JobOrderKey>(list);
        }

        foreach (var (user, list) in byUser)
        {
            _byUser[user] = new SortedSet<JobOrderKey>(list);
        }
    }

    /// <summary>Makes room for <paramref name="count"/> jobs at once, rather than growing step by step while loading.</summary>
    public void EnsureCapacity(int count) => _byId.EnsureCapacity(count);

    /// <summary>Adds or replaces the job with the same ID.</summary>
    public void Put(JobRecord job)
    {
        if (_loading)
        {
            _byId[job.Id] = job;
            return;
        }

        if (_byId.TryGetValue(job.Id, out var previous))
        {
            Unindex(previous);
        }

        _byId[job.Id] = job;
        var key = JobOrderKey.Of(job);
        _all.Add(key);
        CollectionFor(_byStatus, job.Status).Add(key);
        CollectionFor(_byIp, job.Ip).Add(key);
        if (job.User is { } user)
        {
            CollectionFor(_byUser, user).Add(key);
        }
    }

    public bool Remove(string id)
    {
        if (_loading)
        {
            return _byId.Remove(id);
        }

        if (!_byId.Remove(id, out var previous))
        {
            return false;
        }

        Unindex(previous);
        return true;
    }

    /// <summary>Every job, oldest first.</summary>
    public JobRecord[] OldestFirst()
    {
        var jobs = new JobRecord[_all.Count];
        var i = 0;
        foreach (var key in _all)
        {
            jobs[i++] = _byId[key.Id];
        }

        return jobs;
    }

    /// <summary>Jobs older than <paramref name="cutoff"/> (creation time, unix seconds) that pass <paramref name="predicate"/>, oldest first.</summary>
    public List<JobRecord> CreatedBefore(double cutoff, Func<JobRecord, bool> predicate)
    {
        var found = new List<JobRecord>();
        foreach (var key in _all)
        {
            // Timestamp <= creation time, so once the whole seconds reach the cutoff nothing older follows.
            if (key.Timestamp >= cutoff)
            {
                break;
            }

            var job = _byId[key.Id];
            if (job.CreationTime() < cutoff && predicate(job))
            {
                found.Add(job);
            }
        }

        return found;
    }

    /// <summary>Newest-first jobs that match <paramref name="filter"/>, at most <paramref name="limit"/>, older than <paramref name="before"/> if given.</summary>
    public List<JobRecord> Newest(JobFilter filter, int limit, JobOrderKey? before = null)
    {
        var result = new List<JobRecord>(Math.Min(limit, 64));
        var candidates = SmallestCandidateSet(filter);
        if (candidates is null || candidates.Count == 0 || limit <= 0)
        {
            return result;
        }

        if (filter.After is { } after)
        {
            if (JobOrderKey.FirstAfter(after) is not { } lower || lower > candidates.Max)
            {
                return result;
            }

            candidates = candidates.GetViewBetween(lower, JobOrderKey.Max);
        }

        if (before is { } upper)
        {
            // A page after another: only what is older than its last job (the view is inclusive; the key itself is skipped).
            if (upper < candidates.Min)
            {
                return result;
            }

            candidates = candidates.GetViewBetween(candidates.Min, upper);
        }

        foreach (var key in candidates.Reverse())
        {
            if (before is { } skipped && key.Id == skipped.Id)
            {
                continue;
            }

            var job = _byId[key.Id];
            if (filter.Matches(job))
            {
                result.Add(job);
                if (result.Count == limit)
                {
                    break;
                }
            }
        }

        return result;
    }

    /// <summary>
    /// One page of the newest-first jobs that match <paramref name="filter"/> and <paramref name="match"/>,
    /// and how many match in all (the tab's table).
    /// </summary>
    public List<JobRecord> Page(JobFilter filter, Func<JobRecord, bool> match, int skip, int take, out int total)
    {
        var result = new List<JobRecord>(Math.Clamp(take, 0, 64));
        total = 0;
        var candidates = SmallestCandidateSet(filter);
        if (candidates is null)
        {
            return result;
        }

        foreach (var key in candidates.Reverse())
        {
            var job = _byId[key.Id];
            if (!filter.Matches(job) || !match(job))
            {
                continue;
            }

            if (total >= skip && result.Count < take)
            {
                result.Add(job);
            }

            total++;
        }

        return result;
    }

    private SortedSet<JobOrderKey>? SmallestCandidateSet(JobFilter filter)
    {
        var best = _all;
        if (filter.Status is { } status)
        {
            if (!_byStatus.TryGetValue(status, out var byStatus))
            {
                return null;
            }

            best = byStatus.Count < best.Count ? byStatus : best;
        }

        if (filter.Ip is { } ip)
        {
            if (!_byIp.TryGetValue(ip, out var byIp))
            {
                return null;
            }

            best = byIp.Count < best.Count ? byIp : best;
        }

        if (filter.User is { } user)
        {
            if (!_byUser.TryGetValue(user, out var byUser))
            {
                return null;
            }

            best = byUser.Count < best.Count ? byUser : best;
        }

        return best;
    }

    private void Unindex(JobRecord job)
    {
        var key = JobOrderKey.Of(job);
        _all.Remove(key);
        RemoveFrom(_byStatus, job.Status, key);
        RemoveFrom(_byIp, job.Ip, key);
        if (job.User is { } user)
        {
            RemoveFrom(_byUser, user, key);
        }
    }

    private static TCollection CollectionFor<TKey, TCollection>(Dictionary<TKey, TCollection> collections, TKey value)
        where TKey : notnull
        where TCollection : new()
    {
        ref var collection = ref CollectionsMarshal.GetValueRefOrAddDefault(collections, value, out var existed);
        if (!existed)
        {
            collection = new TCollection();
        }

        return collection!;
    }

    private static void RemoveFrom<TKey>(Dictionary<TKey, SortedSet<JobOrderKey>> sets, TKey value, JobOrderKey key)
        where TKey : notnull
    {
        if (sets.TryGetValue(value, out var set) && set.Remove(key) && set.Count == 0)
        {
            sets.Remove(value);
        }
    }
}
