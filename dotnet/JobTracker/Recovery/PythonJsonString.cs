using System.Text;

namespace JobTracker.Recovery;

/// <summary>
/// A string's text inside a JSON string as Python's <c>json.dumps(..., ensure_ascii=False)</c> writes it (what
/// Starlette's <c>JSONResponse</c>, and so A1111, sends): <c>"</c> and <c>\</c> escaped, the control characters as
/// <c>\n \r \t \b \f</c> or <c>\u00xx</c>, everything else as its UTF-8 bytes.
/// </summary>
internal static class PythonJsonString
{
    /// <summary>The raw text between the quotes.</summary>
    /// <param name="text">The string.</param>
    /// <returns>UTF-8 bytes.</returns>
    public static byte[] Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => escaped.Append("\\\""),
                '\\' => escaped.Append("\\\\"),
                '\n' => escaped.Append("\\n"),
                '\r' => escaped.Append("\\r"),
                '\t' => escaped.Append("\\t"),
                '\b' => escaped.Append("\\b"),
                '\f' => escaped.Append("\\f"),
                < ' ' => escaped.Append("\\u00").Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture)),
                _ => escaped.Append(c),
            };
        }

        return Encoding.UTF8.GetBytes(escaped.ToString());
    }
}
