using System.Text.Json;
using Vigie.Cli.Http;

namespace Vigie.Cli.Commands;

/// <summary>What the decision commands share: paths, and one line saying where a decision stands.</summary>
internal static class DecisionText
{
    public static string Path(string id) => "api/v1/decisions/" + Uri.EscapeDataString(id);

    /// <summary>"dec-5 is open: stage 'leadership' (executive) needs 1 of 1; it has 0." or "dec-5 is approved."</summary>
    public static string Standing(JsonElement decision)
    {
        var id = decision.Text("id");
        var status = decision.Text("status");
        if (status != "open")
        {
            return $"{id} is {status}.";
        }

        var current = decision.GetProperty("stages").EnumerateArray().FirstOrDefault(s => s.GetProperty("current").GetBoolean());
        return current.ValueKind == JsonValueKind.Object
            ? $"{id} is open: stage '{current.Text("name")}' ({current.Text("role")}) needs {current.Text("quorum")}; it has {current.Text("approvals")} approval(s), {current.Text("rejections")} rejection(s)."
            : $"{id} is open.";
    }

    public static string Subject(JsonElement decision) =>
        decision.Text("system").Length > 0 ? $"{decision.Text("system")}@{decision.Text("version")}" : "the organisation";

    public static string ShortDigest(string digest) => digest.Length > 12 ? digest[..12] + "…" : digest;
}
