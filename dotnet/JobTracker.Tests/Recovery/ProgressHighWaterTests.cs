using JobTracker.Interop;
using JobTracker.Recovery;
using JobTracker.Storage;
using JobTracker.Tests.Support;

namespace JobTracker.Tests.Recovery;

public class ProgressHighWaterTests
{
    private const double Now = 1_736_712_100;
    private static readonly LiveState Running = new(-1, true, 1, 0, 19, 20, Now - 10);

    [Test]
    public void Hold_A1111ClearedItsTaskBeforeTheJobCompleted_ProgressStaysUpEtaCountsDown()
    {
        var marks = new ProgressHighWater();
        var job = Jobs.Record(Jobs.Id(1), JobStatus.Processing);
        var near = marks.Hold(job, JobProgress.Of(job, Running, Now), Now);
        var cleared = marks.Hold(job, JobProgress.Of(job, LiveState.Unknown, Now + 0.25), Now + 0.25);
        Assert.Multiple(() =>
        {
            Assert.That(near.Progress, Is.EqualTo(0.96));
            Assert.That(cleared.Progress, Is.EqualTo(near.Progress), "progress went down");
            Assert.That(cleared.EtaSeconds, Is.EqualTo(Math.Round(near.EtaSeconds!.Value - 0.25, 2)));
        });
    }

    [Test]
    public void Hold_ProgressRises_TheNewValue()
    {
        var marks = new ProgressHighWater();
        var job = Jobs.Record(Jobs.Id(1), JobStatus.Processing);
        marks.Hold(job, JobProgress.Of(job, Running with { SamplingStep = 5 }, Now), Now);
        var later = JobProgress.Of(job, Running, Now + 1);
        Assert.That(marks.Hold(job, later, Now + 1), Is.EqualTo(later));
    }

    [Test]
    public void Hold_JobFinished_ItsOwnFieldsAndForgotten()
    {
        var marks = new ProgressHighWater();
        var running = Jobs.Record(Jobs.Id(1), JobStatus.Processing);
        marks.Hold(running, JobProgress.Of(running, Running, Now), Now);
        var failed = running with { Status = JobStatus.Failed };
        Assert.Multiple(() =>
        {
            Assert.That(marks.Hold(failed, JobProgress.Of(failed, Running, Now), Now).Progress, Is.Null);
            Assert.That(marks.Count, Is.Zero);
        });
    }

    [Test]
    public void Hold_ManyJobsStoppedWithoutAPoll_StaleMarksDropped()
    {
        var marks = new ProgressHighWater();
        for (var i = 0; i < 100; i++)
        {
            var job = Jobs.Record(Jobs.Id(i), JobStatus.Processing);
            marks.Hold(job, JobProgress.Of(job, Running, Now), Now);
        }

        var late = Jobs.Record(Jobs.Id(500), JobStatus.Processing);
        marks.Hold(late, JobProgress.Of(late, Running, Now + 3600), Now + 3600);
        Assert.That(marks.Count, Is.EqualTo(1));
    }
}
