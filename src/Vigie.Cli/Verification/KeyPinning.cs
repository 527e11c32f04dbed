using Vigie.Cli.Config;
using Vigie.Core.Ledger;

namespace Vigie.Cli.Verification;

/// <summary>
/// Which verifier key to trust for a server. The first use pins one (from --key, else the key the
/// server serves at /log/key: trust on first use); afterwards a different --key or served key is
/// refused, naming both, because a log whose key changes silently cannot be held to its past.
/// </summary>
internal static class KeyPinning
{
    /// <summary>The key to verify with; <paramref name="state"/> gets the pin (the caller saves it once the key proved useful).</summary>
    public static async Task<NoteVerifier> ResolveAsync(CommandContext context, ServerState state, string? keyOption, CancellationToken cancellationToken)
    {
        var given = keyOption is null ? null : Parse(keyOption, ExitCodes.Usage, "--key");
        var pinned = state.VerifierKey is null ? null : Parse(state.VerifierKey, ExitCodes.Failed, $"the key pinned in {context.Config.Path}");
        if (given is not null && pinned is not null && given.VerifierKey != pinned.VerifierKey)
        {
            throw new CliFailure(ExitCodes.Failed,
                $"The key given with --key ({given.VerifierKey}) is not the key pinned for {context.Server} ({pinned.VerifierKey}). " +
                $"If the log's key really changed, remove its entry from {context.Config.Path} after checking why.");
        }

        var servedText = (await context.Api.GetTextAsync("log/key", cancellationToken)).Trim();
        var served = Parse(servedText, ExitCodes.Failed, $"the key served at {context.Server}/log/key");
        var trusted = pinned ?? given;
        if (trusted is not null && served.VerifierKey != trusted.VerifierKey)
        {
            var which = pinned is not null ? "the pinned key" : "the key given with --key";
            throw new CliFailure(ExitCodes.Failed,
                $"The server serves key {served.VerifierKey}, but {which} is {trusted.VerifierKey}: refusing to trust the log.");
        }

        if (pinned is null)
        {
            state.VerifierKey = (given ?? served).VerifierKey;
            context.Notice(given is not null
                ? $"Pinned the key given with --key for {context.Server}: {given.VerifierKey}"
                : $"Trusted the server's key on first use and pinned it for {context.Server}: {served.VerifierKey}. " +
                  "Compare it with the key your organisation publishes; later runs refuse any other key.");
        }

        return trusted ?? served;
    }

    private static NoteVerifier Parse(string text, int exitCode, string what) =>
        NoteVerifier.TryParse(text, out var verifier, out var error)
            ? verifier!
            : throw new CliFailure(exitCode, $"{char.ToUpperInvariant(what[0])}{what[1..]} is not a note verifier key (<name>+<key id>+<base64 key>): {error}");
}
