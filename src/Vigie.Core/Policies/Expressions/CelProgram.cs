namespace Vigie.Core.Policies.Expressions;

/// <summary>
/// A compiled CEL expression over the variable <c>dossier</c>: a tree of closures, built once per
/// rule and shared by every evaluation and thread (each run has its own frame of variables).
/// </summary>
internal sealed class CelProgram(Eval root, int frameSize)
{
    public object? Run(object? dossier)
    {
        var frame = new object?[frameSize];
        frame[0] = dossier;
        return root(frame);
    }
}
