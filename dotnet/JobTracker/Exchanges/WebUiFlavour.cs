namespace JobTracker.Exchanges;

/// <summary>The WebUI the extension runs in, where its answers differ.</summary>
internal enum WebUiFlavour
{
    /// <summary>AUTOMATIC1111's WebUI.</summary>
    A1111,

    /// <summary>lllyasviel's Forge: A1111's error shape with <c>"message"</c> for <c>"errors"</c>.</summary>
    Forge,

    /// <summary>vladmandic's SD.Next.</summary>
    SdNext,
}
