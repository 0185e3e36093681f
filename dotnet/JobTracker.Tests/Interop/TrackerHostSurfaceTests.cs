using System.Reflection;
using JobTracker.Interop;

namespace JobTracker.Tests.Interop;

/// <summary>
/// Pins the surface the Python shim calls. If this test fails, the shim breaks at WebUI start-up:
/// change the shim together with the expected list, never the list alone.
/// </summary>
public class TrackerHostSurfaceTests
{
    private static readonly string[] Expected =
    [
        "JobTracker.Interop.HttpReply: property NativeBuffer Body { get; }",
        "JobTracker.Interop.HttpReply: method void Dispose()",
        "JobTracker.Interop.HttpReply: property string Headers { get; }",
        "JobTracker.Interop.HttpReply: property int Status { get; }",
        "JobTracker.Interop.NativeBuffer: property long Address { get; }",
        "JobTracker.Interop.NativeBuffer: method void Dispose()",
        "JobTracker.Interop.NativeBuffer: property int Length { get; }",
        "JobTracker.Interop.RequestPlan: property string Action { get; }",
        "JobTracker.Interop.RequestPlan: property NativeBuffer? Body { get; }",
        "JobTracker.Interop.RequestPlan: method void Dispose()",
        "JobTracker.Interop.RequestPlan: property string JobId { get; }",
        "JobTracker.Interop.RequestPlan: const string Passthrough = \"passthrough\"",
        "JobTracker.Interop.RequestPlan: property HttpReply? Reply { get; }",
        "JobTracker.Interop.RequestPlan: const string ReplyAction = \"reply\"",
        "JobTracker.Interop.RequestPlan: const string Track = \"track\"",
        "JobTracker.Interop.TrackerHost: static method RequestPlan BeginRequest(string route, long bodyAddress, int bodyLength, string clientIp, string[] headers)",
        "JobTracker.Interop.TrackerHost: static method string GetJobPage(string status, string search, int page, int pageSize)",
        "JobTracker.Interop.TrackerHost: static method string GetJobView(string jobId)",
        "JobTracker.Interop.TrackerHost: static method string GetSettings()",
        "JobTracker.Interop.TrackerHost: static method HttpReply HandleGetJob(string jobId, string query, string clientIp, string[] headers)",
        "JobTracker.Interop.TrackerHost: static method HttpReply HandleListJobs(string query, string clientIp, string[] headers)",
        "JobTracker.Interop.TrackerHost: static method bool IsTrackingEnabled()",
        "JobTracker.Interop.TrackerHost: static method void OnAbandoned(string jobId)",
        "JobTracker.Interop.TrackerHost: static method NativeBuffer OnFinished(string jobId, int status, long bodyAddress, int bodyLength)",
        "JobTracker.Interop.TrackerHost: static method bool OnQueued(string jobId)",
        "JobTracker.Interop.TrackerHost: static method void OnStarted(string jobId)",
        "JobTracker.Interop.TrackerHost: static method string PurgeNow()",
        "JobTracker.Interop.TrackerHost: static method string SetRetentionDays(int days)",
        "JobTracker.Interop.TrackerHost: static method string SetTrackingEnabled(bool enabled)",
        "JobTracker.Interop.TrackerHost: static method string Start(string extensionDir, string? apiAuth)",
        "JobTracker.Interop.TrackerHost: static method void Stop()",

        // Issue #3: async submit, live progress, images by reference.
        "JobTracker.Interop.RequestPlan: property bool RespondAsync { get; }",
        "JobTracker.Interop.RequestPlan: property int KeepAliveSeconds { get; }",
        "JobTracker.Interop.TrackerHost: static method HttpReply AcceptedReply(string jobId, string liveState)",
        "JobTracker.Interop.TrackerHost: static method HttpReply HandleGetJobLive(string jobId, string query, string clientIp, string[] headers, string liveState)",
        "JobTracker.Interop.TrackerHost: static method HttpReply HandleGetJobImage(string jobId, string index, string clientIp, string[] headers)",

        // Cancel: the core decides, the shim stops the job on A1111's objects, the core records the outcome.
        "JobTracker.Interop.CancelPlan: method void Dispose()",
        "JobTracker.Interop.CancelPlan: property bool MayDequeue { get; }",
        "JobTracker.Interop.CancelPlan: property bool Stop { get; }",
        "JobTracker.Interop.CancelPlan: property HttpReply? Reply { get; }",
        "JobTracker.Interop.TrackerHost: static method CancelPlan BeginCancel(string jobId, string clientIp, string[] headers)",
        "JobTracker.Interop.TrackerHost: static method CancelPlan BeginTabCancel(string jobId)",
        "JobTracker.Interop.TrackerHost: static method HttpReply FinishCancel(string jobId, string outcome)",
    ];

    private static readonly NullabilityInfoContext Nullability = new();

    [Test]
    public void PublicSurface_MatchesWhatTheShimCalls()
    {
        var actual = new[] { typeof(TrackerHost), typeof(RequestPlan), typeof(HttpReply), typeof(NativeBuffer), typeof(CancelPlan) }
            .SelectMany(Describe)
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.That(actual, Is.EqualTo(Expected.Order(StringComparer.Ordinal).ToArray()));
    }

    [Test]
    public void Types_PublicSealedOrStaticInTheInteropNamespace()
    {
        Assert.Multiple(() =>
        {
            Assert.That(typeof(TrackerHost).IsAbstract && typeof(TrackerHost).IsSealed, Is.True, "static class");
            foreach (var type in new[] { typeof(RequestPlan), typeof(HttpReply), typeof(NativeBuffer), typeof(CancelPlan) })
            {
                Assert.That(type.IsSealed && type.IsPublic, Is.True, type.Name);
                Assert.That(typeof(IDisposable).IsAssignableFrom(type), Is.True, type.Name);
            }
        });
    }

    private static IEnumerable<string> Describe(Type type)
    {
        const BindingFlags Flags = BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        foreach (var member in type.GetMembers(Flags))
        {
            var prefix = type.FullName + ": ";
            switch (member)
            {
                case ConstructorInfo:
                    yield return prefix + "public constructor";
                    break;
                case MethodInfo { IsSpecialName: true }:
                    break;
                case MethodInfo method:
                    var parameters = string.Join(", ", method.GetParameters().Select(p => $"{Name(Nullability.Create(p))} {p.Name}"));
                    yield return $"{prefix}{(method.IsStatic ? "static " : string.Empty)}method {Name(Nullability.Create(method.ReturnParameter))} {method.Name}({parameters})";
                    break;
                case PropertyInfo property:
                    var accessors = (property.GetMethod?.IsPublic == true ? "get; " : string.Empty) + (property.SetMethod?.IsPublic == true ? "set; " : string.Empty);
                    yield return $"{prefix}property {Name(Nullability.Create(property))} {property.Name} {{ {accessors}}}";
                    break;
                case FieldInfo { IsLiteral: true } constant:
                    yield return $"{prefix}const {Name(Nullability.Create(constant))} {constant.Name} = \"{constant.GetRawConstantValue()}\"";
                    break;
                default:
                    yield return $"{prefix}{member.MemberType} {member.Name}";
                    break;
            }
        }
    }

    private static string Name(NullabilityInfo info)
    {
        var name = info.Type == typeof(void) ? "void"
            : info.Type == typeof(string) ? "string"
            : info.Type == typeof(bool) ? "bool"
            : info.Type == typeof(int) ? "int"
            : info.Type == typeof(long) ? "long"
            : info.Type.IsArray ? Name(info.ElementType!) + "[]"
            : info.Type.Name;
        return info.ReadState == NullabilityState.Nullable && !info.Type.IsValueType ? name + "?" : name;
    }
}
