namespace Vigie.Core.Ledger;

/// <summary>
/// Who may read an entry's body. Only public entries carry their body in the log; the others
/// carry a commitment to it (DESIGN.md, "The ledger is the source of truth").
/// JSON names: "public", "internal", "confidential".
/// </summary>
public enum Visibility
{
    Public,
    Internal,
    Confidential,
}
