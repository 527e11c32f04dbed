using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Vigie.Core.Formats.ModelCards;

/// <summary>
/// Passes YamlDotNet's parser through, remembering where the last event ended, so that a
/// failure the library reports without a position (it throws InvalidOperationException on some
/// malformed flow collections) can still name the line and column near the problem.
/// </summary>
internal sealed class TrackingParser(IParser inner) : IParser
{
    public Mark LastGood { get; private set; } = Mark.Empty;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        var moved = inner.MoveNext();
        if (inner.Current is { } current)
        {
            LastGood = current.End;
        }

        return moved;
    }
}
