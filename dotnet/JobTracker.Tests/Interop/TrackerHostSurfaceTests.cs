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
        "JobTracker.Interop.Exchange: method ExchangeStep Admitted(LiveState? live)",
        "JobTracker.Interop.Exchange: method ExchangeStep AppBody(long address, int length, bool more)",
        "JobTracker.Interop.Exchange: method ExchangeStep AppHead(int status, string[] headers)",
        "JobTracker.Interop.Exchange: method ExchangeStep ClientGone()",
        "JobTracker.Interop.Exchange: method ExchangeStep End()",
        "JobTracker.Interop.Exchange: property string JobId { get; }",
        "JobTracker.Interop.Exchange: property ExchangeStep Opening { get; }",
        "JobTracker.Interop.Exchange: method void Queued()",
        "JobTracker.Interop.Exchange: method ExchangeStep Raised(string errorType, string message)",
        "JobTracker.Interop.Exchange: method void Started()",
        "JobTracker.Interop.Exchange: method ExchangeStep Tick()",
        "JobTracker.Interop.ExchangeStep: property ExchangeAction Action { get; }",
        "JobTracker.Interop.ExchangeStep: property NativeBuffer? Body { get; }",
        "JobTracker.Interop.ExchangeStep: method void Dispose()",
        "JobTracker.Interop.ExchangeStep: property string[] Headers { get; }",
        "JobTracker.Interop.ExchangeStep: property bool More { get; }",
        "JobTracker.Interop.ExchangeStep: property double NextTickSeconds { get; }",
        "JobTracker.Interop.ExchangeStep: property int Status { get; }",
        "JobTracker.Interop.HttpReply: property NativeBuffer Body { get; }",
        "JobTracker.Interop.HttpReply: method void Dispose()",
        "JobTracker.Interop.HttpReply: property string Headers { get; }",
        "JobTracker.Interop.HttpReply: property int Status { get; }",
        "JobTracker.Interop.NativeBuffer: property long Address { get; }",
        "JobTracker.Interop.NativeBuffer: method void Dispose()",
        "JobTracker.Interop.NativeBuffer: property int Length { get; }",
        "JobTracker.Interop.TrackerHost: static method Exchange BeginRequest(string route, long bodyAddress, int bodyLength, ClientConnection client, string[] headers)",
        "JobTracker.Interop.TrackerHost: static method string GetJobPage(string status, string search, int page, int pageSize)",
        "JobTracker.Interop.TrackerHost: static method string GetJobView(string jobId)",
        "JobTracker.Interop.TrackerHost: static method string GetSettings()",
        "JobTracker.Interop.TrackerHost: static method HttpReply HandleGetJob(string jobId, string query, ClientConnection client, string[] headers, LiveState? live)",
        "JobTracker.Interop.TrackerHost: static method HttpReply HandleGetJobImage(string jobId, string index, ClientConnection client, string[] headers)",
        "JobTracker.Interop.TrackerHost: static method HttpReply HandleListJobs(string query, ClientConnection client, string[] headers)",
        "JobTracker.Interop.TrackerHost: static method bool IsTrackingEnabled()",
        "JobTracker.Interop.TrackerHost: static method string PurgeNow()",
        "JobTracker.Interop.TrackerHost: static method string SetRetentionDays(int days)",
        "JobTracker.Interop.TrackerHost: static method string SetTrackingEnabled(bool enabled)",
        "JobTracker.Interop.TrackerHost: static method string Start(string extensionDir, string? apiAuth, string webui)",
        "JobTracker.Interop.TrackerHost: static method void Stop()",
    ];

    /// <summary>The records the shim constructs, by their constructor's parameters in order.</summary>
    private static readonly string[] ConstructedByTheShim =
    [
        "ClientConnection(string? Host, int Port, string? ForwardedAllowIps)",
        "LiveState(int QueueIndex, bool IsCurrent, int JobCount, int JobNo, int SamplingStep, int SamplingSteps, double? TimeStart)",
    ];

    private static readonly NullabilityInfoContext Nullability = new();

    [Test]
    public void PublicSurface_MatchesWhatTheShimCalls()
    {
        var actual = new[] { typeof(TrackerHost), typeof(Exchange), typeof(ExchangeStep), typeof(HttpReply), typeof(NativeBuffer) }
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
            foreach (var type in new[] { typeof(ExchangeStep), typeof(HttpReply), typeof(NativeBuffer) })
            {
                Assert.That(type.IsSealed && type.IsPublic, Is.True, type.Name);
                Assert.That(typeof(IDisposable).IsAssignableFrom(type), Is.True, type.Name);
            }
        });
    }

    [Test]
    public void Records_TheShimConstructs_KeepTheirParameters()
    {
        var actual = new[] { typeof(ClientConnection), typeof(LiveState) }
            .Select(type => type.GetConstructors().Single(c => c.GetParameters().Length > 1))
            .Select(c => $"{c.DeclaringType!.Name}({string.Join(", ", c.GetParameters().Select(p => $"{Name(Nullability.Create(p))} {p.Name}"))})");
        Assert.That(actual, Is.EqualTo(ConstructedByTheShim));
    }

    [Test]
    public void ExchangeActions_AreTheShimsMembers() =>
        Assert.That(Enum.GetNames<ExchangeAction>(), Is.EqualTo(new[] { "Nothing", "PassThrough", "CallApp", "SendHead", "SendBody", "SendWhole", "SendKeepAlive" }));

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
            : info.Type == typeof(double) ? "double"
            : Nullable.GetUnderlyingType(info.Type) == typeof(double) ? "double?"
            : info.Type.IsArray ? Name(info.ElementType!) + "[]"
            : info.Type.Name;
        return info.ReadState == NullabilityState.Nullable && !info.Type.IsValueType ? name + "?" : name;
    }
}
