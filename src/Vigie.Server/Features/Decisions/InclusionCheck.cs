using Vigie.Core.Ledger;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Decisions;

/// <summary>
/// Whether a log entry is included in the latest signed checkpoint, checked here with the RFC
/// 9162 verifier the CLI uses, for the decision page. The link lets anyone fetch the same proof
/// and check it themselves against the checkpoint and the published key.
/// </summary>
public sealed record InclusionCheck(long Index, long Size, bool Verified, string Text)
{
    public string ProofUrl => $"/api/v1/log/proofs/inclusion?index={Index}&size={Size}";

    public static InclusionCheck Of(MerkleTree tree, SignedCheckpoint checkpoint, long index)
    {
        var size = checkpoint.Size;
        if (index >= size)
        {
            return new InclusionCheck(index, size, false, "not yet in a signed checkpoint (one is signed within a second)");
        }

        var check = MerkleProof.VerifyInclusion(index, size, tree.LeafHash(index), tree.InclusionProof(index, size), checkpoint.RootHash);
        return check.IsValid
            ? new InclusionCheck(index, size, true, $"included in the signed checkpoint of {size} entries")
            : new InclusionCheck(index, size, false, "inclusion proof does NOT verify: " + check.Error);
    }
}
