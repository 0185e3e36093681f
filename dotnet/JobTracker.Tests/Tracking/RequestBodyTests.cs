using System.Buffers;
using JobTracker.Tests.Support;
using JobTracker.Tracking;

namespace JobTracker.Tests.Tracking;

public class RequestBodyTests
{
    [TestCase("{\"prompt\":\"a cat\"}", "{\"prompt\":\"a cat\",\"force_task_id\":\"ABCDEFGH\"}")]
    [TestCase("{}", "{\"force_task_id\":\"ABCDEFGH\"}")]
    [TestCase("  { }  \n", "  { \"force_task_id\":\"ABCDEFGH\"}  \n")]
    [TestCase("{\n  \"prompt\": \"x\",\n  \"steps\": 20\n}\n", "{\n  \"prompt\": \"x\",\n  \"steps\": 20\n,\"force_task_id\":\"ABCDEFGH\"}\n")]
    [TestCase("{\"a\":{\"b\":[1,{}]}}", "{\"a\":{\"b\":[1,{}]},\"force_task_id\":\"ABCDEFGH\"}")]
    [TestCase("{\"force_task_id\":\"mine\"}", "{\"force_task_id\":\"mine\",\"force_task_id\":\"ABCDEFGH\"}")]
    public void WriteWithTaskId_Object_AddsLastMemberAndKeepsTheRestByteForByte(string body, string expected)
    {
        var bytes = Utf8.Bytes(body);
        Assert.That(RequestBody.TryInspect(bytes, out var facts), Is.True);
        var output = new ArrayBufferWriter<byte>();
        RequestBody.WriteWithTaskId(bytes, facts, "ABCDEFGH", output);
        Assert.That(Utf8.Text(output), Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("[]")]
    [TestCase("[{\"prompt\":\"x\"}]")]
    [TestCase("\"text\"")]
    [TestCase("42")]
    [TestCase("null")]
    [TestCase("{\"prompt\":")]
    [TestCase("{\"prompt\":\"x\"} {}")]
    [TestCase("{\"prompt\":\"x\",}")]
    [TestCase("{/*c*/}")]
    public void TryInspect_NotExactlyOneObject_False(string body) =>
        Assert.That(RequestBody.TryInspect(Utf8.Bytes(body), out _), Is.False);

    [Test]
    public void TryInspect_InvalidUtf8InPrompt_False()
    {
        byte[] body = [.. "{\"prompt\":\""u8, 0xC3, 0x28, .. "\"}"u8];
        Assert.That(RequestBody.TryInspect(body, out _), Is.False);
    }

    [Test]
    public void TryInspect_Prompts_ReadFromTopLevelOnly()
    {
        var body = "{\"alwayson_scripts\":{\"x\":{\"prompt\":\"inner\"}},\"prompt\":\"caf\\u00e9 \\\"cat\\\"\",\"negative_prompt\":\"ugly\"}";
        Assert.That(RequestBody.TryInspect(Utf8.Bytes(body), out var facts), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(facts.Prompt, Is.EqualTo("café \"cat\""));
            Assert.That(facts.NegativePrompt, Is.EqualTo("ugly"));
        });
    }

    [TestCase("{\"steps\":20}")]
    [TestCase("{\"prompt\":null}")]
    [TestCase("{\"prompt\":42}")]
    [TestCase("{\"prompt\":[\"a\"]}")]
    public void TryInspect_NoStringPrompt_Empty(string body)
    {
        Assert.That(RequestBody.TryInspect(Utf8.Bytes(body), out var facts), Is.True);
        Assert.That(facts.Prompt, Is.Empty);
    }

    [Test]
    public void TryInspect_DuplicatePrompt_LastWinsLikePython()
    {
        Assert.That(RequestBody.TryInspect(Utf8.Bytes("{\"prompt\":\"first\",\"prompt\":\"second\"}"), out var facts), Is.True);
        Assert.That(facts.Prompt, Is.EqualTo("second"));
    }

    [Test]
    public void TryInspect_MegabytesOfBase64_Accepted()
    {
        var image = Convert.ToBase64String(new byte[6_000_000]);
        var body = $"{{\"init_images\":[\"{image}\"],\"prompt\":\"p\"}}";
        Assert.That(RequestBody.TryInspect(Utf8.Bytes(body), out var facts), Is.True);
        Assert.That(facts.Prompt, Is.EqualTo("p"));
    }

    // Bodies with what Python's json.loads on bytes makes of them (python_json_vectors.py), as A1111 parses them.
    private static IEnumerable<TestCaseData> PythonVectors()
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "Tracking", "PythonJsonVectors.json");
        using var vectors = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        foreach (var vector in vectors.RootElement.EnumerateArray())
        {
            var body = vector[0].GetString()!;
            yield return new TestCaseData(body, vector[1].GetBoolean(), vector[2].GetString()).SetArgDisplayNames(body.Length > 40 ? body[..40] + "..." : body);
        }
    }

    [TestCaseSource(nameof(PythonVectors))]
    public void TryInspect_WhatPythonMakesOfIt_Same(string base64Body, bool pythonReadsAnObject, string pythonPrompt)
    {
        var body = Convert.FromBase64String(base64Body);
        var tracked = RequestBody.TryInspect(body, out var facts);
        Assert.Multiple(() =>
        {
            Assert.That(tracked, Is.EqualTo(pythonReadsAnObject));
            if (tracked)
            {
                Assert.That(facts.Prompt, Is.EqualTo(pythonPrompt));
                var rewritten = new System.Buffers.ArrayBufferWriter<byte>();
                RequestBody.WriteWithTaskId(body, facts, "ABCDEFGH", rewritten);
                Assert.That(RequestBody.TryInspect(rewritten.WrittenSpan, out var again), Is.True, "the rewritten body is still one object");
                Assert.That(again.Prompt, Is.EqualTo(pythonPrompt));
            }
        });
    }
}
