using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigie.Core.Policies;

/// <summary>
/// A gate's answer for one dossier under one policy, with every rule's outcome. Its stable JSON
/// form (<see cref="ToJson"/>), on which CI scripts rely:
/// <c>{"result", "dossierDigest", "policyVersion", "rules": [{"id", "outcome", "severity", "message", "read"}]}</c>,
/// with <c>read</c> an object from dossier path to value, in the order the rule reads them.
/// </summary>
public sealed record GateResult(
    GateVerdict Verdict,
    string DossierDigest,
    string PolicyVersion,
    string PolicySha256,
    IReadOnlyList<RuleResult> Rules)
{
    /// <summary>The verdict's name: <c>allow</c>, <c>deny</c> or <c>allow-with-warnings</c>.</summary>
    public string Result => PolicyNames.Name(Verdict);

    public bool Allowed => Verdict != GateVerdict.Deny;

    /// <summary>The stable form as UTF-8 JSON, written straight from the values rules read.</summary>
    public byte[] ToUtf8Json(bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = indented,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            writer.WriteStartObject();
            writer.WriteString("result", Result);
            writer.WriteString("dossierDigest", DossierDigest);
            writer.WriteString("policyVersion", PolicyVersion);
            writer.WriteStartArray("rules");
            foreach (var rule in Rules)
            {
                writer.WriteStartObject();
                writer.WriteString("id", rule.Id);
                writer.WriteString("outcome", PolicyNames.Name(rule.Outcome));
                writer.WriteString("severity", PolicyNames.Name(rule.Severity));
                writer.WriteString("message", rule.Message);
                writer.WriteStartObject("read");
                foreach (var read in rule.Read)
                {
                    writer.WritePropertyName(read.Path);
                    CelValues.Write(writer, read.Raw);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public string ToJson(bool indented = false) => Encoding.UTF8.GetString(ToUtf8Json(indented));

    public JsonObject ToJsonObject() => JsonNode.Parse(ToUtf8Json())!.AsObject();
}
