using JobTracker.Storage;
using JobTracker.Tests.Support;
using JobTracker.Ui;

namespace JobTracker.Tests.Ui;

public class TabQueriesTests : TrackingHarnessTestBase
{
    private TabQueries Tab => _harness.Service.Tab;

    [Test]
    public void Page_NoFilter_NewestFirstWithPathsAndTotals()
    {
        var first = _harness.Complete(prompt: "a red fox", images: [TestImages.Png(), TestImages.Png()]);
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        var second = _harness.Complete(prompt: "a blue bird");

        var page = Tab.Page(JobTableQuery.From("All", "", 1, 10));

        Assert.Multiple(() =>
        {
            Assert.That(page.Jobs.Select(j => j.Id), Is.EqualTo(new[] { second, first }));
            Assert.That((page.Total, page.Page, page.Pages, page.PageSize), Is.EqualTo((2, 1, 1, 10)));
            Assert.That(page.Jobs[1].ImageCount, Is.EqualTo(2));
            Assert.That(page.Jobs[1].FirstImage, Is.EqualTo(Path.Combine(_harness.OutputDirectory, first + "-0.png")));
            Assert.That(File.Exists(page.Jobs[1].FirstImage), Is.True);
            Assert.That(page.Jobs[1].Thumbnail, Is.EqualTo(Path.Combine(_harness.OutputDirectory, "thumbs", first + "-0.jpg")));
        });
    }

    [Test]
    public void Page_StatusAndSearch_Narrow()
    {
        var fox = _harness.Complete(prompt: "a red fox");
        _harness.Complete(prompt: "a blue bird");
        var failed = _harness.Queue("{\"prompt\":\"a red car\"}");
        _harness.Finish(failed, 500, A1111Responses.Error("RuntimeError", "", "boom"));

        Assert.Multiple(() =>
        {
            Assert.That(Tab.Page(JobTableQuery.From("failed", "", 1, 10)).Jobs.Select(j => j.Id), Is.EqualTo(new[] { failed }));
            Assert.That(Tab.Page(JobTableQuery.From("Completed", "RED", 1, 10)).Jobs.Select(j => j.Id), Is.EqualTo(new[] { fox }));
            Assert.That(Tab.Page(JobTableQuery.From("All", fox, 1, 10)).Jobs.Select(j => j.Id), Is.EqualTo(new[] { fox }));
            Assert.That(Tab.Page(JobTableQuery.From("All", "nothing like it", 1, 10)).Total, Is.Zero);
            Assert.That(Tab.Page(JobTableQuery.From("All", "nothing like it", 1, 10)).Pages, Is.EqualTo(1));
        });
    }

    [Test]
    public void Page_PastTheEnd_GivesTheLastPage()
    {
        var ids = Enumerable.Range(0, 5).Select(n =>
        {
            _harness.Time.Advance(TimeSpan.FromSeconds(1));
            return _harness.Complete(prompt: $"job {n}");
        }).Reverse().ToArray();

        var second = Tab.Page(JobTableQuery.From("All", "", 2, 2));
        var past = Tab.Page(JobTableQuery.From("All", "", 9, 2));

        Assert.Multiple(() =>
        {
            Assert.That(second.Jobs.Select(j => j.Id), Is.EqualTo(ids[2..4]));
            Assert.That((second.Total, second.Pages), Is.EqualTo((5, 3)));
            Assert.That(past.Page, Is.EqualTo(3));
            Assert.That(past.Jobs.Select(j => j.Id), Is.EqualTo(ids[4..]));
        });
    }

    [Test]
    public void View_KnownJob_HasImagesAndInfo()
    {
        var id = _harness.Complete(prompt: "a red fox", images: [TestImages.Png(), TestImages.Jpeg()]);

        var view = Tab.View(id);

        Assert.Multiple(() =>
        {
            Assert.That(view, Is.Not.Null);
            Assert.That(view!.Prompt, Is.EqualTo("a red fox"));
            Assert.That(view.Images.Select(Path.GetFileName), Is.EqualTo(new[] { id + "-0.png", id + "-1.jpg" }));
            Assert.That(view.Info?.ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Object));
            Assert.That(view.Status, Is.EqualTo(JobStatus.Completed));
        });
    }

    [TestCase("")]
    [TestCase("../../etc")]
    [TestCase("ZZZZZZZZ")]
    public void View_UnknownOrMalformedId_Null(string id) => Assert.That(Tab.View(id), Is.Null);
}
