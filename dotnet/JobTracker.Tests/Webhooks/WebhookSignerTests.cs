using System.Text;
using JobTracker.Webhooks;

namespace JobTracker.Tests.Webhooks;

public sealed class WebhookSignerTests
{
    // The test vector of the Standard Webhooks reference libraries (libraries/python/tests/test_webhooks.py, test_sign_function).
    private const string SpecSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string SpecMessageId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long SpecTimestamp = 1614265330;
    private const string SpecPayload = "{\"test\": 2432232314}";
    private const string SpecSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    [Test]
    public void Sign_SpecificationTestVector_MatchesTheReferenceSignature()
    {
        Assert.That(WebhookSecret.TryParse(SpecSecret, out var secret, out _), Is.True);

        var signature = WebhookSigner.Sign(secret!.Key, SpecMessageId, SpecTimestamp, Encoding.UTF8.GetBytes(SpecPayload));

        Assert.That(signature, Is.EqualTo(SpecSignature));
    }

    [Test]
    public void Sign_AnyChangeOfIdTimestampOrBody_ChangesTheSignature()
    {
        WebhookSecret.TryParse(SpecSecret, out var secret, out _);
        var body = Encoding.UTF8.GetBytes(SpecPayload);

        Assert.That(WebhookSigner.Sign(secret!.Key, "msg_other", SpecTimestamp, body), Is.Not.EqualTo(SpecSignature));
        Assert.That(WebhookSigner.Sign(secret.Key, SpecMessageId, SpecTimestamp + 1, body), Is.Not.EqualTo(SpecSignature));
        Assert.That(WebhookSigner.Sign(secret.Key, SpecMessageId, SpecTimestamp, Encoding.UTF8.GetBytes("{\"test\":2432232314}")), Is.Not.EqualTo(SpecSignature));
    }

    [Test]
    public void Sign_IdWithAFullStop_Throws() =>
        Assert.Throws<ArgumentException>(() => WebhookSigner.Sign(new byte[24], "msg_a.b", SpecTimestamp, []));
}
