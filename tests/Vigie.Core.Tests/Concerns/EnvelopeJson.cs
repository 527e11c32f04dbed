using System.Text.Json.Nodes;

namespace Vigie.Core.Tests.Concerns;

/// <summary>Edits envelope JSON the way an attacker or a damaged copy would.</summary>
internal static class EnvelopeJson
{
    /// <summary>The JSON with one member replaced; <paramref name="recipient"/> picks a recipient's member.</summary>
    public static string With(string json, string member, JsonNode? value, int? recipient = null)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        var target = recipient is { } i ? root["recipients"]![i]!.AsObject() : root;
        target[member] = value;
        return root.ToJsonString();
    }

    /// <summary>The JSON with one byte of a base64 member flipped.</summary>
    public static string FlipByte(string json, string member, int index, int? recipient = null)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        var target = recipient is { } i ? root["recipients"]![i]!.AsObject() : root;
        var bytes = Convert.FromBase64String(target[member]!.GetValue<string>());
        bytes[index < 0 ? bytes.Length + index : index] ^= 0x01;
        return With(json, member, Convert.ToBase64String(bytes), recipient);
    }

    /// <summary>The JSON without one member.</summary>
    public static string Without(string json, string member)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        root.Remove(member);
        return root.ToJsonString();
    }
}
