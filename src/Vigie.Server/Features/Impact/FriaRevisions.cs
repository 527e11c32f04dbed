using Vigie.Core.Impact.Rights;
using Vigie.Core.Ledger;
using Vigie.Server.Features.Registry;
using Vigie.Server.Ledger;

namespace Vigie.Server.Features.Impact;

/// <summary>
/// The one way a FRIA changes (API and web page): checks the deployment name, the version it
/// deploys and the revision the writer started from, appends one rights.fria-revised entry, and
/// tells evidence snapshots that the version's evidence changed (open decisions about it then
/// show their sign-offs as made on other evidence).
/// </summary>
public sealed class FriaRevisions(Ledger.Ledger ledger, FriaQueries frias, RegistryQueries registry, EvidenceSnapshots snapshots)
{
    public sealed record Write(string System, string Deployment, string Version, FriaDocument Document, long BaseRevision, string? Note, string? Visibility);

    /// <summary>201 with the new revision, 200 with the unchanged latest one, or the status and message of a refusal.</summary>
    public sealed record Outcome(int Status, FriaQueries.FriaRow? Row, string? Error);

    public async Task<Outcome> ReviseAsync(string actor, Write w, CancellationToken cancellationToken)
    {
        if (FriaRequests.CheckDeployment(w.Deployment) is { } badName)
        {
            return new(StatusCodes.Status400BadRequest, null, badName);
        }

        var version = await registry.GetVersionAsync(w.System, w.Version, includeInternal: true, cancellationToken);
        if (version is null)
        {
            return new(StatusCodes.Status404NotFound, null, $"No version {w.System}@{w.Version} is registered; a FRIA is about a version that is deployed (vigie versions add {w.System} {w.Version}).");
        }

        if (!VisibilityNames.TryParse(w.Visibility ?? version.Visibility, out var visibility) || visibility == Visibility.Confidential)
        {
            return new(StatusCodes.Status400BadRequest, null, "visibility must be 'public' or 'internal'.");
        }

        if (visibility == Visibility.Public && version.Visibility != "public")
        {
            return new(StatusCodes.Status400BadRequest, null,
                $"A public FRIA of the {version.Visibility} version {w.System}@{w.Version} would reveal it in the public log; keep the FRIA {version.Visibility}.");
        }

        var head = await frias.HeadAsync(w.System, w.Deployment, cancellationToken);
        if (w.BaseRevision != head)
        {
            return new(StatusCodes.Status409Conflict, null,
                $"The FRIA of {w.System} / {w.Deployment} is at revision {head}, not {w.BaseRevision}: someone saved it meanwhile. Look at revision {head} and make your change again.");
        }

        var previous = head == 0 ? null : await frias.RevisionAsync(w.System, w.Deployment, head, includeInternal: true, cancellationToken);
        if (previous is not null && previous.Sha256 == w.Document.Sha256 && previous.Version == w.Version)
        {
            return new(StatusCodes.Status200OK, previous, null);
        }

        var body = new ImpactEntries.FriaBody(w.System, w.Deployment, (int)head + 1, w.Version, w.Document.ToJsonElement(), w.Document.Sha256, w.Note);
        var result = await ledger.AppendAsync(new LedgerWrite(ImpactEntries.FriaRevised, actor, visibility, BodyJson.ToElement(body)), cancellationToken);
        if (!result.Succeeded)
        {
            return new(StatusCodes.Status409Conflict, null, result.Conflict);
        }

        snapshots.NotifyChanged(w.System, w.Version);
        if (previous is not null && previous.Version != w.Version)
        {
            snapshots.NotifyChanged(w.System, previous.Version);
        }

        var created = await frias.RevisionAsync(w.System, w.Deployment, head + 1, includeInternal: true, cancellationToken)
            ?? throw new InvalidOperationException($"Revision {head + 1} of the FRIA of {w.System} / {w.Deployment} was appended at {result.Index} but is not in the projection.");
        return new(StatusCodes.Status201Created, created, null);
    }
}
