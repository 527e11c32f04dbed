using Vigie.Server.Storage;

namespace Vigie.Server.Features.Users;

/// <summary>
/// On the very first start (no users yet) creates the admin account and hands its token over
/// once: printed to the console and written to &lt;data&gt;/initial-admin-token (mode 0600).
/// It is deliberately not sent to the logger, whose output may be collected elsewhere.
/// </summary>
/// <remarks>
/// The token file is published before the account is committed, and an existing file's token is
/// reused: a crash between the two steps, or two processes starting together on one data
/// directory, can then never leave an admin account whose token nobody has.
/// </remarks>
public static class InitialAdmin
{
    public const string FileName = "initial-admin-token";

    public static async Task EnsureAsync(UserQueries users, UserAccounts accounts, string dataDirectory, TextWriter console, CancellationToken cancellationToken)
    {
        if (await users.CountAsync(cancellationToken) > 0)
        {
            return;
        }

        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        SecretFiles.TryPublish(path, ApiTokens.Create().Token + "\n");
        var token = File.ReadAllText(path).Trim();
        if (!ApiTokens.LooksValid(token))
        {
            throw new InvalidOperationException(
                $"{path} exists but holds no Vigie token. Remove it and start again to create the admin account.");
        }

        var (created, _) = await accounts.CreateAsync(UserNames.System, "admin", [Roles.Admin], "initial admin token", cancellationToken, token);
        if (created is null)
        {
            return; // another process sharing the store created it first, with the same file's token
        }

        console.WriteLine();
        console.WriteLine("Vigie created the admin account. Its API token is shown this once:");
        console.WriteLine();
        console.WriteLine($"    {created.Token}");
        console.WriteLine();
        console.WriteLine($"It is also in {Path.GetFullPath(path)} (readable by you only). Use it with:");
        console.WriteLine("    export VIGIE_TOKEN=$(cat " + Path.GetFullPath(path) + ")");
        console.WriteLine();
    }
}
