using System.Text.Json.Nodes;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>One difference between two revisions of a card: <c>add</c> (no old value), <c>remove</c> (no new value) or <c>replace</c>.</summary>
public sealed record CardChange(string Path, string Op, JsonNode? Old, JsonNode? New)
{
    public const string Add = "add";
    public const string Remove = "remove";
    public const string Replace = "replace";

    /// <summary>The change as JSON: <c>{"path", "op", "old"?, "new"?}</c>; values left out when <paramref name="withValues"/> is false.</summary>
    public JsonObject ToJson(bool withValues = true)
    {
        var json = new JsonObject { ["path"] = Path, ["op"] = Op };
        if (withValues && Old is not null)
        {
            json["old"] = Old.DeepClone();
        }

        if (withValues && New is not null)
        {
            json["new"] = New.DeepClone();
        }

        return json;
    }
}
