using System.Globalization;
using System.Text;
using Vigie.Core.Ledger;

namespace Vigie.Core.Witnesses;

/// <summary>
/// The body of a C2SP tlog-witness <c>POST add-checkpoint</c>: a line <c>old &lt;size&gt;</c>, zero
/// to 63 consistency-proof lines (one base64 hash each), an empty line, then the signed
/// checkpoint note ("add-checkpoint"). Every line ends with a newline.
/// </summary>
public sealed record AddCheckpointRequest(long OldSize, IReadOnlyList<byte[]> Proof, string Checkpoint)
{
    /// <summary>"The client MUST NOT send more than 63 consistency proof lines."</summary>
    public const int MaxProofLines = 63;

    /// <summary>A generous bound on a request body: a checkpoint with many cosignatures and a full proof.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public string ToBody()
    {
        var body = new StringBuilder("old ").Append(OldSize.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var hash in Proof)
        {
            body.Append(Convert.ToBase64String(hash)).Append('\n');
        }

        return body.Append('\n').Append(Checkpoint).ToString();
    }

    /// <summary>Strict parse; the error says what is wrong (the witness answers 400 with it).</summary>
    public static bool TryParse(string? body, out AddCheckpointRequest? request, out string? error)
    {
        request = null;
        if (string.IsNullOrEmpty(body))
        {
            error = "The request body is empty; it starts with a line \"old <size>\".";
            return false;
        }

        var blank = body.IndexOf("\n\n", StringComparison.Ordinal);
        if (blank < 0)
        {
            error = "The request has no empty line before the checkpoint.";
            return false;
        }

        var head = body[..blank].Split('\n');
        if (!head[0].StartsWith("old ", StringComparison.Ordinal) || !TryParseSize(head[0][4..], out var oldSize))
        {
            error = "The first line must be \"old <size>\", the size in decimal without leading zeros.";
            return false;
        }

        if (head.Length - 1 > MaxProofLines)
        {
            error = $"The consistency proof has {head.Length - 1} lines; at most {MaxProofLines} are allowed.";
            return false;
        }

        var proof = new List<byte[]>(head.Length - 1);
        for (var i = 1; i < head.Length; i++)
        {
            if (!NoteFormat.TryDecodeBase64(head[i], out var hash) || hash.Length != MerkleHash.Size)
            {
                error = $"Consistency proof line {i} is not base64 of a {MerkleHash.Size}-byte hash.";
                return false;
            }

            proof.Add(hash);
        }

        var checkpoint = body[(blank + 2)..];
        if (checkpoint.Length == 0)
        {
            error = "The request has no checkpoint after the empty line.";
            return false;
        }

        request = new AddCheckpointRequest(oldSize, proof, checkpoint);
        error = null;
        return true;
    }

    private static bool TryParseSize(string text, out long size)
    {
        size = 0;
        return text.Length is > 0 and <= 19 && (text.Length == 1 || text[0] != '0') && text.All(char.IsAsciiDigit)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out size);
    }
}
