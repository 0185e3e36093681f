using System.Buffers;
using System.Text;

namespace JobTracker.Tracking;

/// <summary>Adds <c>"job_id":"&lt;id&gt;"</c> as the first member of A1111's response object, leaving the rest byte for byte.</summary>
internal static class ResponseBody
{
    public static void WriteWithJobId(ReadOnlySpan<byte> body, ResponseContent content, string id, IBufferWriter<byte> output)
    {
        if (!content.IsObject)
        {
            output.Write(body);
            return;
        }

        var insertion = JobIdMember(id, content.HasMembers);
        var split = content.OpenIndex + 1;
        var length = body.Length + insertion.Length;
        var span = output.GetSpan(length);
        body[..split].CopyTo(span);
        insertion.CopyTo(span[split..]);
        body[split..].CopyTo(span[(split + insertion.Length)..]);
        output.Advance(length);
    }

    /// <summary>The bytes inserted after the opening brace: <c>"job_id":"&lt;id&gt;",</c> (no comma for an empty object).</summary>
    public static byte[] JobIdMember(string id, bool hasMembers) =>
        Encoding.ASCII.GetBytes("\"job_id\":\"" + id + (hasMembers ? "\"," : "\""));
}
